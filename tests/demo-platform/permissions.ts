import { ApiError, isRecord } from './http.ts'
import {
  permissionLevels,
  type FeaturePermission,
  type Permission,
  type PermissionLevel,
  type StreamPermission,
  type User,
} from './model.ts'
import { enumError, invalidParameters, typeError, type ParamsCheck } from './validation.ts'

export function isStreamPermission(permission: Permission): permission is StreamPermission {
  return 'streamId' in permission
}

function isLevel(value: unknown): value is PermissionLevel {
  return permissionLevels.some((level) => level === value)
}

function parseStreamPermission(
  item: Record<string, unknown>,
  path: string,
  check: ParamsCheck,
): StreamPermission | null {
  const { streamId, level, defaultName, name } = item
  const before = check.errors.length
  if (typeof streamId !== 'string') check.add(typeError(`${path}/streamId`, 'string'))
  if (!isLevel(level)) check.add(enumError(`${path}/level`, permissionLevels))
  if (defaultName !== undefined && typeof defaultName !== 'string')
    check.add(typeError(`${path}/defaultName`, 'string'))
  if (name !== undefined && typeof name !== 'string') check.add(typeError(`${path}/name`, 'string'))
  if (check.errors.length > before || typeof streamId !== 'string' || !isLevel(level)) return null
  const permission: StreamPermission = { streamId, level }
  if (typeof defaultName === 'string') permission.defaultName = defaultName
  if (typeof name === 'string') permission.name = name
  return permission
}

function parseFeaturePermission(
  item: Record<string, unknown>,
  path: string,
  check: ParamsCheck,
): FeaturePermission | null {
  const { feature, setting } = item
  if (typeof feature !== 'string') check.add(typeError(`${path}/feature`, 'string'))
  if (typeof setting !== 'string') check.add(typeError(`${path}/setting`, 'string'))
  return typeof feature === 'string' && typeof setting === 'string' ? { feature, setting } : null
}

/** Validates a permission list (stream or feature permissions), adding problems to `check`. */
export function parsePermissions(check: ParamsCheck, field: string, list: unknown[]): Permission[] {
  const permissions: Permission[] = []
  list.forEach((item, index) => {
    const path = `#/${field}/${index}`
    let permission: Permission | null = null
    if (!isRecord(item)) check.add(typeError(path, 'object'))
    else if ('streamId' in item) permission = parseStreamPermission(item, path, check)
    else if ('feature' in item) permission = parseFeaturePermission(item, path, check)
    else check.add({ code: 'ONE_OF_MISSING', message: 'must match a schema in oneOf', path })
    if (permission) permissions.push(permission)
  })
  return permissions
}

function streamIdOf(permission: Permission): string | undefined {
  return isStreamPermission(permission) ? permission.streamId : undefined
}

function levelOf(permission: Permission): string | undefined {
  return isStreamPermission(permission) ? permission.level : undefined
}

/**
 * The platform's comparison: as many permissions, and each granted one has the
 * level of the requested one with its streamId, names aside. A feature
 * permission has neither, so it pairs with any requested feature permission.
 */
export function permissionsMatch(granted: Permission[], requested: Permission[]): boolean {
  return (
    granted.length === requested.length &&
    granted.every((permission) => {
      const other = requested.find((candidate) => streamIdOf(candidate) === streamIdOf(permission))
      return other !== undefined && levelOf(other) === levelOf(permission)
    })
  )
}

/** What an access stores: the names only serve to create streams. */
export function storedPermissions(permissions: Permission[]): Permission[] {
  return permissions.map((permission) =>
    isStreamPermission(permission) ? { streamId: permission.streamId, level: permission.level } : { ...permission },
  )
}

const nameClashMessage =
  'One or more requested streams have the same names as existing streams with different ids. ' +
  'The "defaultName" of the streams concerned have been updated with valid alternative proposals.'

/**
 * `checkedPermissions` of accesses.checkApp: existing streams get their `name`,
 * new ones keep a `defaultName` (suffixed when another stream has that name).
 */
export function checkPermissionNames(
  user: User,
  requested: Permission[],
): { checkedPermissions: Permission[]; error?: { id: string; message: string } } {
  let clash = false
  const rootNames = user.streams.map((stream) => stream.name)
  const checkedPermissions = requested.map((permission): Permission => {
    if (isStreamPermission(permission) && permission.streamId === '*') return { streamId: '*', level: permission.level }
    // The platform reads every entry as a stream permission: a feature permission has no streamId nor defaultName.
    if (!isStreamPermission(permission) || permission.defaultName === undefined) {
      throw invalidParameters(
        `The permission for stream "${String(streamIdOf(permission))}" (and maybe others) is missing the required "defaultName".`,
      )
    }
    const stream = user.streams.find((candidate) => candidate.id === permission.streamId)
    if (stream) return { streamId: permission.streamId, level: permission.level, name: stream.name }
    let defaultName = permission.defaultName
    for (let suffix = 1; rootNames.includes(defaultName); suffix++) {
      defaultName = `${permission.defaultName} (${suffix})`
      clash = true
    }
    return { streamId: permission.streamId, level: permission.level, defaultName }
  })
  return clash
    ? { checkedPermissions, error: { id: 'item-already-exists', message: nameClashMessage } }
    : { checkedPermissions }
}

/** Creates the streams an app access names with a `defaultName`, as the platform does for personal tokens. */
export function ensureStreams(user: User, permissions: Permission[]): void {
  for (const permission of permissions) {
    if (!isStreamPermission(permission) || permission.streamId === '*' || permission.defaultName === undefined) continue
    if (user.streams.some((stream) => stream.id === permission.streamId)) continue
    if (!/^[a-z0-9-]{1,100}$/.test(permission.streamId)) {
      throw new ApiError(
        400,
        'invalid-request-structure',
        `Error while creating stream for access. Invalid 'permission' parameter, forbidden character(s) in streamId '${permission.streamId}'. ` +
          'StreamId should be of length 1 to 100 chars, with lowercase letters, numbers or dashes.',
      )
    }
    user.streams.push({ id: permission.streamId, name: permission.defaultName, parentId: null })
  }
}
