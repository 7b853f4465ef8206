import { legacyAccount } from './account-emails.ts'
import { cmcRecords } from './cmc-records.ts'
import { emailRecords } from './email-records.ts'
import { ApiError, isRecord } from './http.ts'
import type { MethodCall } from './method-call.ts'
import type { User } from './model.ts'
import { reservedUsernames, usernamePattern } from './registration.ts'
import { methodRefused } from './sessions.ts'
import { userNamed, type Platform, type PlatformState } from './state.ts'
import { ParamsCheck, refuseOtherKeys } from './validation.ts'

const refused = (message: string, data?: unknown) => new ApiError(400, 'invalid-operation', message, data)

/** Each successful change leaves the old name behind as an alias: counting the aliases counts the changes. */
function changesUsed(state: PlatformState, user: User): number {
  return [...state.aliases.values()].filter((holder) => holder === user).length
}

function changeCounts(platform: Platform, user: User) {
  const used = changesUsed(platform.state, user)
  const limit = platform.config.usernameChangeLimit
  return { usernameChangesUsed: used, usernameChangesLimit: limit, usernameChangesRemaining: Math.max(0, limit - used) }
}

/** `account.usernameChanges`: personal tokens only. */
export function usernameChanges({ platform, caller }: MethodCall): Record<string, unknown> {
  if (caller.kind !== 'personal') throw methodRefused('account.usernameChanges')
  return changeCounts(platform, caller.user)
}

/** The schema checks the name as given, before it is lower-cased: an upper-case letter fails. */
function parseNewUsername(params: unknown): string {
  refuseOtherKeys(isRecord(params) ? params : {}, ['newUsername'], '#/')
  const check = new ParamsCheck(params)
  const given = check.requiredString('newUsername')
  // A missing or non-string name is already refused; an empty one fails the pattern like any other.
  if (check.errors.length === 0 && !usernamePattern.test(given)) {
    const pattern = usernamePattern.source
    check.add({
      code: 'PATTERN',
      params: { pattern },
      message: `must match pattern "${pattern}"`,
      path: '#/newUsername',
    })
  }
  check.done()
  return given.toLowerCase()
}

function moveEntry<T>(map: Map<string, T>, from: string, to: string): void {
  const value = map.get(from)
  if (value === undefined) return
  map.delete(from)
  map.set(to, value)
}

/** The account takes the new name; its data stores follow it; the old name stays behind as an alias. */
function renameAccount(state: PlatformState, user: User, newUsername: string): void {
  const oldUsername = user.username
  state.users.delete(oldUsername)
  state.users.set(newUsername, user)
  state.aliases.set(oldUsername, user)
  for (const store of [state.audit, emailRecords(state).byUser, cmcRecords(state).events])
    moveEntry<unknown>(store, oldUsername, newUsername)
  user.username = newUsername
}

/**
 * `account.changeUsername`, in the platform's order: personal token, the
 * parameters, then same name, the change limit, reserved words, a name taken
 * by an account or an alias. Sessions and tokens stay valid.
 */
export function changeUsername({ platform, caller, params }: MethodCall): Record<string, unknown> {
  if (caller.kind !== 'personal') throw methodRefused('account.changeUsername')
  const newUsername = parseNewUsername(params)
  const { user } = caller
  if (newUsername === user.username) throw refused('The new username is identical to the current one.')
  const { usernameChangesUsed, usernameChangesLimit } = changeCounts(platform, user)
  if (usernameChangesUsed >= usernameChangesLimit)
    throw refused('Username change limit reached.', { usernameChangesUsed, usernameChangesLimit })
  if (reservedUsernames.includes(newUsername)) throw refused('This username is reserved.', { newUsername })
  if (userNamed(platform.state, newUsername)) {
    const message = `An user with username "${newUsername}" already exists`
    throw new ApiError(409, 'item-already-exists', message, { username: newUsername })
  }
  renameAccount(platform.state, user, newUsername)
  const { usernameChangesRemaining } = changeCounts(platform, user)
  return { usernameChangesRemaining, account: legacyAccount(user) }
}
