import { integrityOf } from './access-records.ts'
import { newId } from './ids.ts'
import type { Access, PersonalAccess, Permission } from './model.ts'

export const hour = 3600
export const day = 24 * hour

/** What a seeded row is given; times are "seconds ago" from the reset (`expiresIn` counts forward). */
export interface SeededGrant {
  id: string
  type: 'app' | 'shared'
  name: string
  permissions: Permission[]
  createdBy: string
  createdAgo: number
  lastUsedAgo?: number
  expiresIn?: number
  deviceName?: string
  clientData?: Record<string, unknown>
}

/** An app or shared access as the seed gives it, its token new at each reset. */
export function grantRow(now: number, seeded: SeededGrant): Access {
  const { createdAgo, lastUsedAgo, expiresIn, ...fields } = seeded
  const created = now - createdAgo
  const record: Omit<Access, 'integrity'> = {
    ...fields,
    token: newId(),
    created,
    modified: created,
    modifiedBy: seeded.createdBy,
  }
  if (expiresIn !== undefined) record.expires = now + expiresIn
  const access: Access = { ...record, integrity: integrityOf(record) }
  if (lastUsedAgo !== undefined) access.lastUsed = now - lastUsedAgo
  return access
}

/** A personal access as a login left it, its token new at each reset. */
export function personalRow(
  now: number,
  id: string,
  appId: string,
  createdAgo: number,
  lastUsedAgo: number,
): PersonalAccess {
  const record: Omit<PersonalAccess, 'integrity'> = {
    id,
    token: newId(),
    type: 'personal',
    name: appId,
    created: now - createdAgo,
    createdBy: 'system',
    modified: now - lastUsedAgo,
    modifiedBy: 'system',
  }
  return { ...record, integrity: integrityOf(record), lastUsed: now - lastUsedAgo }
}
