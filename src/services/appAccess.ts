import type { AccessRequest, Permission } from './accessState'
import { AppError, toAppError } from './appError'
import { callApi } from './callApi'
import { isFeaturePermission, sameFeatures, withRequestedFeatures } from './featurePermissions'
import type { Session } from './signIn'

export type AccessCheck =
  | { kind: 'matching'; token: string; apiEndpoint?: string }
  | { kind: 'consent'; permissions: Permission[]; mismatchingAccessId?: string }

export interface GrantedAccess {
  token: string
  apiEndpoint: string
  /** Set when this page created the access (not for a matching one the app already held). */
  id?: string
}

/** Fields the app may give beside its permissions: sent only when they hold a value, as the platform refuses null. */
function optionalFields(request: AccessRequest): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    deviceName: request.deviceName,
    token: request.token,
    expireAfter: request.expireAfter,
    clientData: request.clientData,
  }
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null))
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
}

function permissionsOf(value: unknown, fallback: Permission[]): Permission[] {
  return Array.isArray(value) ? value.map((item: unknown) => asRecord(item) ?? { value: String(item) }) : fallback
}

/**
 * `accesses.checkApp`: does this app already hold an access, with the same permissions or others?
 * Only the stream permissions are sent (the platform refuses feature ones there); an access
 * matches only when its feature permissions are the requested ones too, otherwise it is replaced.
 */
export async function checkAppAccess(session: Session, request: AccessRequest): Promise<AccessCheck> {
  const streams = request.requestedPermissions.filter((permission) => !isFeaturePermission(permission))
  let result: Record<string, unknown>
  try {
    result = await callApi(session.connection, 'accesses.checkApp', {
      requestingAppId: request.requestingAppId,
      requestedPermissions: streams,
      ...optionalFields(request),
    })
  } catch (err) {
    throw toAppError(err)
  }
  const matching = asRecord(result.matchingAccess)
  const featuresMatch = sameFeatures(permissionsOf(matching?.permissions, []), request.requestedPermissions)
  if (matching && typeof matching.token === 'string' && featuresMatch) {
    return { kind: 'matching', token: matching.token, apiEndpoint: typeof matching.apiEndpoint === 'string' ? matching.apiEndpoint : undefined }
  }
  const existing = asRecord(result.mismatchingAccess) ?? matching
  return {
    kind: 'consent',
    permissions: withRequestedFeatures(request.requestedPermissions, permissionsOf(result.checkedPermissions, streams)),
    mismatchingAccessId: typeof existing?.id === 'string' ? existing.id : undefined,
  }
}

/** `accesses.delete`: removes the app's previous access before a replacement is created, or one the app can no longer be told of. */
export async function deleteAccess(session: Session, accessId: string): Promise<void> {
  try {
    await callApi(session.connection, 'accesses.delete', { id: accessId })
  } catch (err) {
    throw toAppError(err)
  }
}

/** `accesses.create`: the app access the user consented to. */
export async function createAppAccess(session: Session, request: AccessRequest, permissions: Permission[]): Promise<GrantedAccess> {
  let access: Record<string, unknown> | undefined
  try {
    const result = await callApi(session.connection, 'accesses.create', {
      name: request.requestingAppId,
      type: 'app',
      permissions,
      ...optionalFields(request),
    })
    access = asRecord(result.access)
  } catch (err) {
    throw toAppError(err)
  }
  if (typeof access?.token !== 'string') throw new AppError('unexpected-answer')
  return {
    token: access.token,
    apiEndpoint: typeof access.apiEndpoint === 'string' ? access.apiEndpoint : '',
    id: typeof access.id === 'string' ? access.id : undefined,
  }
}

/** The app's endpoint with its token, as the platform gave it or built from service info (pryv `apiEndpointFor`). */
export async function appApiEndpoint(session: Session, granted: GrantedAccess): Promise<string> {
  if (granted.apiEndpoint.includes('@')) return granted.apiEndpoint
  try {
    return await session.connection.service.apiEndpointFor(session.username, granted.token)
  } catch (err) {
    throw toAppError(err)
  }
}
