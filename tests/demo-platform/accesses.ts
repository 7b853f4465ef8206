import {
  accessView,
  canonicalJson,
  grantsOf,
  insertAccess,
  isExpired,
  isLive,
  type NewAccess,
} from './access-records.ts'
import { ApiError } from './http.ts'
import type { MethodCall } from './method-call.ts'
import type { Permission } from './model.ts'
import { checkPermissionNames, parsePermissions, permissionsMatch } from './permissions.ts'
import { requirePersonal } from './sessions.ts'
import { enumError, ParamsCheck } from './validation.ts'

const accessTypes = ['app', 'shared', 'personal'] as const

/** The optional fields check-app and create share; `null` is refused for each, as the platform does. */
function optionalFields(check: ParamsCheck): Pick<NewAccess, 'deviceName' | 'token' | 'expireAfter' | 'clientData'> {
  return {
    deviceName: check.string('deviceName'),
    token: check.string('token', { minLength: 1 }),
    expireAfter: check.number('expireAfter'),
    clientData: check.object('clientData'),
  }
}

function permissionsParam(check: ParamsCheck, field: string): Permission[] {
  const list = check.array(field, true)
  return list ? parsePermissions(check, field, list) : []
}

/** Parses accesses.create parameters (also used by the control API to seed accesses). */
export function parseNewAccess(params: unknown): NewAccess {
  const check = new ParamsCheck(params)
  const name = check.requiredString('name', { minLength: 1 })
  const type = check.params.type ?? 'shared'
  if (!accessTypes.some((known) => known === type)) check.add(enumError('#/type', accessTypes))
  const permissions = permissionsParam(check, 'permissions')
  const optional = optionalFields(check)
  check.done()
  if (type === 'personal') throw new ApiError(403, 'forbidden', 'Personal accesses are created automatically on login.')
  return { name, type: type === 'app' ? 'app' : 'shared', permissions, ...optional }
}

function clientDataEqual(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null)
}

/** `accesses.checkApp`: the app's existing access, matching or not, and the requested permissions with stream names. */
export function checkApp({ caller, params }: MethodCall): Record<string, unknown> {
  requirePersonal(caller)
  const check = new ParamsCheck(params)
  const requestingAppId = check.requiredString('requestingAppId', { minLength: 1 })
  const requested = permissionsParam(check, 'requestedPermissions')
  const { deviceName, clientData } = optionalFields(check)
  check.done()
  const existing = grantsOf(caller.user).find(
    (access) =>
      isLive(access) && access.type === 'app' && access.name === requestingAppId && access.deviceName === deviceName,
  )
  if (
    existing &&
    !isExpired(existing) &&
    permissionsMatch(existing.permissions, requested) &&
    clientDataEqual(existing.clientData, clientData)
  ) {
    return { matchingAccess: accessView(existing) }
  }
  const checked = checkPermissionNames(caller.user, requested)
  return existing ? { mismatchingAccess: accessView(existing), ...checked } : { ...checked }
}

/** `accesses.create`: an app access, made with a personal token. */
export function createAccess({ platform, caller, params }: MethodCall): Record<string, unknown> {
  const personal = requirePersonal(caller)
  const access = insertAccess(caller.user, parseNewAccess(params), personal.id)
  return { access: accessView(access, platform.config, caller.user.username) }
}
