import { permissionsFrom, type AccessRequest, type Permission } from '@/services/accessState'
import { AppError } from '@/services/appError'
import { callApi, callApiBatch } from '@/services/callApi'
import { isFeaturePermission, sameFeatures, withRequestedFeatures } from './featurePermissions'
import { withAppErrors } from '@/services/http'
import { asRecord } from '@/services/json'
import type { Session } from '@/services/signIn'
import { streamNamesCall, streamNamesOf, type StreamNames } from '@/services/streamNames'

export type AccessCheck =
  | {
      kind: 'matching'
      token: string
      apiEndpoint?: string
      /** What the existing access grants, and when it was made (seconds since 1970) when the platform says. */
      permissions: Permission[]
      created?: number
      /** The name to show for each stream: the person's own, else the one the request proposed (`defaultName`). */
      names: StreamNames
    }
  | { kind: 'consent'; permissions: Permission[]; mismatchingAccessId?: string; names: StreamNames }

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

/** The names the request proposes for its streams (`defaultName`), by stream id. */
function proposedNames(permissions: Permission[]): Array<[string, string]> {
  return permissions.flatMap((permission) =>
    typeof permission.streamId === 'string' && typeof permission.defaultName === 'string'
      ? [[permission.streamId, permission.defaultName] as [string, string]]
      : [],
  )
}

/**
 * `accesses.checkApp`: does this app already hold an access, with the same permissions or others?
 * Only the stream permissions are sent (the platform refuses feature ones there); an access
 * matches only when its feature permissions are the requested ones too, otherwise it is replaced.
 * `streams.get` rides in the same batch: the person's own names of their streams, to show the
 * permissions in their words (none when it fails: the request's names then serve).
 */
export async function checkAppAccess(session: Session, request: AccessRequest): Promise<AccessCheck> {
  const streams = request.requestedPermissions.filter((permission) => !isFeaturePermission(permission))
  const checkCall = {
    method: 'accesses.checkApp',
    params: { requestingAppId: request.requestingAppId, requestedPermissions: streams, ...optionalFields(request) },
  } as const
  const [checked, named] = await callApiBatch(session.connection, [checkCall, streamNamesCall])
  if (!checked?.ok) throw checked?.error ?? new AppError('unexpected-answer')
  const result = checked.result
  const names = new Map([
    ...proposedNames(request.requestedPermissions),
    ...(named?.ok ? streamNamesOf(named.result) : []),
  ])
  const matching = asRecord(result.matchingAccess)
  const held = permissionsOf(matching?.permissions, [])
  if (matching && typeof matching.token === 'string' && sameFeatures(held, request.requestedPermissions)) {
    return {
      kind: 'matching',
      token: matching.token,
      apiEndpoint: typeof matching.apiEndpoint === 'string' ? matching.apiEndpoint : undefined,
      permissions: held.length > 0 ? held : request.requestedPermissions,
      created: typeof matching.created === 'number' ? matching.created : undefined,
      names,
    }
  }
  const existing = asRecord(result.mismatchingAccess) ?? matching
  return {
    kind: 'consent',
    permissions: withRequestedFeatures(request.requestedPermissions, permissionsOf(result.checkedPermissions, streams)),
    mismatchingAccessId: typeof existing?.id === 'string' ? existing.id : undefined,
    names,
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
