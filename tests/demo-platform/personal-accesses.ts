import { integrityOf, isLive } from './access-records.ts'
import { newId, nowSeconds } from './ids.ts'
import type { PersonalAccess, User } from './model.ts'

/** Personal accesses are made and changed by the platform itself, not by an access. */
const systemActor = 'system'

/** The live personal access a login keeps for this app id. */
export function personalAccessFor(user: User, appId: string): PersonalAccess | undefined {
  return user.accesses.find(
    (access): access is PersonalAccess => access.type === 'personal' && access.name === appId && isLive(access),
  )
}

/**
 * What a login does after opening (or reusing) its session: the app id's
 * personal access takes the session's token, or is created when there is
 * none (also when the person deleted it: the platform then makes a new row,
 * possibly with the token of a session that outlived the old one).
 */
export function storePersonalAccess(user: User, appId: string, token: string): PersonalAccess {
  const now = nowSeconds()
  const existing = personalAccessFor(user, appId)
  if (existing) {
    existing.token = token
    existing.modified = now
    existing.modifiedBy = systemActor
    existing.integrity = integrityOf(existing)
    return existing
  }
  const record: Omit<PersonalAccess, 'integrity'> = {
    id: newId(),
    token,
    type: 'personal',
    name: appId,
    created: now,
    createdBy: systemActor,
    modified: now,
    modifiedBy: systemActor,
  }
  const access: PersonalAccess = { ...record, integrity: integrityOf(record) }
  user.accesses.push(access)
  return access
}
