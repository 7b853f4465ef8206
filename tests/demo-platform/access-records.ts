import { createHash } from 'node:crypto'
import { ApiError } from './http.ts'
import { newId, nowSeconds } from './ids.ts'
import type { Access, Permission, StoredAccess, User } from './model.ts'
import { ensureStreams, storedPermissions } from './permissions.ts'
import { apiEndpoint } from './sessions.ts'
import type { PlatformConfig } from './state.ts'

/** JSON with sorted keys, so equal data gives equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** The access's integrity over what it was given (an earlier integrity, `lastUsed` and `deleted` stay out). */
export function integrityOf(access: Omit<StoredAccess, 'integrity'>): string {
  const sealed: Record<string, unknown> = { ...access }
  delete sealed.integrity
  delete sealed.lastUsed
  delete sealed.deleted
  return 'ACCESS:0:sha256-' + createHash('sha256').update(canonicalJson(sealed)).digest('base64')
}

/** An access as the API shows it (`deleted` is only for the control API's state and deletion lists). */
export function accessView(access: StoredAccess, config?: PlatformConfig, username?: string): Record<string, unknown> {
  const view: Record<string, unknown> = { ...structuredClone(access) }
  delete view.deleted
  if (config && username) view.apiEndpoint = apiEndpoint(config, username, access.token)
  return view
}

export function isLive(access: StoredAccess): boolean {
  return access.deleted === undefined
}

export function isExpired(access: StoredAccess): boolean {
  return access.type !== 'personal' && access.expires !== undefined && access.expires < nowSeconds()
}

/** App and shared accesses: those with permissions. */
export function isGrant(access: StoredAccess): access is Access {
  return access.type !== 'personal'
}

/** The user's app and shared accesses, deleted ones included. */
export function grantsOf(user: User): Access[] {
  return user.accesses.filter(isGrant)
}

export interface NewAccess {
  name: string
  type: 'app' | 'shared'
  permissions: Permission[]
  deviceName?: string
  token?: string
  expireAfter?: number
  clientData?: Record<string, unknown>
}

function refuseDuplicates(user: User, wanted: NewAccess): void {
  if (wanted.token !== undefined && user.accesses.some((access) => access.token === wanted.token)) {
    throw new ApiError(409, 'item-already-exists', 'An access with token "(hidden)" already exists', {
      token: '(hidden)',
    })
  }
  const deviceName = wanted.type === 'shared' ? undefined : wanted.deviceName
  const clash = grantsOf(user).some(
    (access) =>
      isLive(access) && access.type === wanted.type && access.name === wanted.name && access.deviceName === deviceName,
  )
  if (clash) {
    const keys = { type: wanted.type, name: wanted.name, deviceName: deviceName ?? null }
    throw new ApiError(
      409,
      'item-already-exists',
      `An access with type "${keys.type}", name "${keys.name}", deviceName "${keys.deviceName}" already exists`,
      keys,
    )
  }
}

/** Stores a new access (creating the streams its permissions name) and returns it. */
export function insertAccess(user: User, wanted: NewAccess, createdBy: string): Access {
  if (wanted.expireAfter !== undefined && wanted.expireAfter < 0) {
    throw new ApiError(400, 'invalid-parameters-format', 'expireAfter cannot be negative.')
  }
  refuseDuplicates(user, wanted)
  ensureStreams(user, wanted.permissions)
  const now = nowSeconds()
  const record: Omit<Access, 'integrity'> = {
    id: newId(),
    token: wanted.token ?? newId(),
    type: wanted.type,
    name: wanted.name,
    permissions: storedPermissions(wanted.permissions),
    created: now,
    createdBy,
    modified: now,
    modifiedBy: createdBy,
  }
  if (wanted.type === 'app' && wanted.deviceName !== undefined) record.deviceName = wanted.deviceName
  if (wanted.clientData !== undefined) record.clientData = structuredClone(wanted.clientData)
  if (wanted.expireAfter !== undefined) record.expires = now + wanted.expireAfter
  const access: Access = { ...record, integrity: integrityOf(record) }
  user.accesses.push(access)
  return access
}
