import type { Permission } from '@/services/accessState'
import { textOf } from '@/services/json'
import type { AccessRecord } from './accessRecords'

/**
 * Entries the platform adds to every app and shared token itself (no access to the account's settings, reading
 * its own audit): not something the person gave, so not shown as what the access may do.
 */
function isAddedByPlatform(permission: Permission, accessId: string): boolean {
  const streamId = textOf(permission.streamId)
  return (
    (streamId === ':_system:account' && permission.level === 'none') ||
    (streamId === `:_audit:access-${accessId}` && permission.level === 'read')
  )
}

/** The CMC plugin's exchange streams (`:_cmc:...`), which a data grant holds beside what the person shared. */
export function isExchangeStream(permission: Permission): boolean {
  return textOf(permission.streamId)?.startsWith(':_cmc:') === true
}

/** What an access may do, as the person gave it: the platform's own entries and the CMC exchange streams left out. */
export function givenPermissions(record: AccessRecord): { permissions: Permission[]; exchange: boolean } {
  const own = record.permissions.filter((permission) => !isAddedByPlatform(permission, record.id))
  return {
    permissions: own.filter((permission) => !isExchangeStream(permission)),
    exchange: own.some(isExchangeStream),
  }
}
