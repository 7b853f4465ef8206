import { permissionsFrom, type AccessRequest, type Permission } from '@/services/accessState'
import { AppError } from '@/services/appError'
import { callApi } from '@/services/callApi'
import { isFeaturePermission, sameFeatures, withRequestedFeatures } from './featurePermissions'
import { withAppErrors } from '@/services/http'
import { asRecord } from '@/services/json'
import type { Session } from '@/services/signIn'

export type AccessCheck =
  | {
      kind: 'matching'
      token: string
      apiEndpoint?: string
      /** What the existing access grants, and when it was made (seconds since 1970) when the platform says. */
      permissions: Permission[]
      created?: number
    }
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

/** Permissions as listed in an answer, or the fallback when it lists none. */
function permissionsOf(value: unknown, fallback: Permission[]): Permission[] {
  return Array.isArray(value) ? permissionsFrom(value) : fallback
}

/**
 * `accesses.checkApp`: does this app already hold an access, with the same permissions or others?
 * Only the stream permissions are sent (the platform refuses feature ones there); an access
 * matches only when its feature permissions are the requested ones too, otherwise it is replaced.
 */
export async function checkAppAccess(session: Session, request: AccessRequest): Promise<AccessCheck> {
  const streams = request.requestedPermissions.filter((permission) => !isFeaturePermission(permission))
  const result = await callApi(session.connection, 'accesses.checkApp', {
    requestingAppId: request.requestingAppId,
    requestedPermissions: streams,
    ...optionalFields(request),
  })
  const matching = asRecord(result.matchingAccess)
  const held = permissionsOf(matching?.permissions, [])
  if (matching && typeof matching.token === 'string' && sameFeatures(held, request.requestedPermissions)) {
    return {
      kind: 'matching',
      token: matching.token,
      apiEndpoint: typeof matching.apiEndpoint === 'string' ? matching.apiEndpoint : undefined,
      permissions: held.length > 0 ? held : request.requestedPermissions,
      created: typeof matching.created === 'number' ? matching.created : undefined,
    }
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
  await callApi(session.connection, 'accesses.delete', { id: accessId })
}

/** `accesses.create`: the app access the user consented to. */
export async function createAppAccess(
  session: Session,
  request: AccessRequest,
  permissions: Permission[],
): Promise<GrantedAccess> {
  const result = await callApi(session.connection, 'accesses.create', {
    name: request.requestingAppId,
    type: 'app',
    permissions,
    ...optionalFields(request),
  })
  const access = asRecord(result.access)
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
  return withAppErrors(() => session.connection.service.apiEndpointFor(session.username, granted.token))
}
