import { accountView, addEmails, maxEmails, removeEmails, resendEmails, setPrimaryEmail } from './account-emails.ts'
import { emailsOf, holderOf, newEmailItem } from './email-records.ts'
import { ApiError, isRecord } from './http.ts'
import { nowSeconds } from './ids.ts'
import type { MethodCall } from './method-call.ts'
import type { User } from './model.ts'
import { methodRefused } from './sessions.ts'
import type { Platform } from './state.ts'
import { invalidParameters, ParamsCheck, refuseOtherKeys, typeError, type ParamError } from './validation.ts'

/** Each array of `emails` holds at most this many addresses. */
const maxListLength = 20

interface EmailChanges {
  add?: string[]
  setPrimary?: string
  remove?: string[]
  resend?: string[]
}

function addressList(emails: Record<string, unknown>, name: string, errors: ParamError[]): string[] | undefined {
  const value = emails[name]
  if (value === undefined) return undefined
  const path = `#/emails/${name}`
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item.length <= 300)) {
    errors.push(typeError(path, 'an array of strings (at most 300 characters)'))
    return undefined
  }
  if (value.length > maxListLength) {
    errors.push({
      code: 'MAX_ITEMS',
      params: { limit: maxListLength },
      message: 'must NOT have more than 20 items',
      path,
    })
    return undefined
  }
  return value as string[]
}

function parseEmailChanges(emails: Record<string, unknown>): EmailChanges {
  refuseOtherKeys(emails, ['add', 'setPrimary', 'remove', 'resend'], '#/emails')
  const errors: ParamError[] = []
  const changes: EmailChanges = {
    add: addressList(emails, 'add', errors),
    remove: addressList(emails, 'remove', errors),
    resend: addressList(emails, 'resend', errors),
  }
  if (emails.setPrimary !== undefined && typeof emails.setPrimary !== 'string')
    errors.push(typeError('#/emails/setPrimary', 'string'))
  else changes.setPrimary = emails.setPrimary
  if (errors.length > 0) throw invalidParameters(errors)
  return changes
}

/** In the platform's order; a failure stops the rest (what ran before it stays done). */
function applyEmailChanges(platform: Platform, user: User, changes: EmailChanges): void {
  if (changes.add) addEmails(platform, user, changes.add)
  if (changes.setPrimary !== undefined) setPrimaryEmail(platform, user, changes.setPrimary)
  if (changes.remove) removeEmails(platform, user, changes.remove)
  if (changes.resend) resendEmails(platform, user, changes.resend)
}

/**
 * The older `{ email }` field: the address becomes primary at once, verified
 * 'legacy' without any proof; the previous one stays verified; over the cap
 * the oldest non-primary address goes.
 */
function setLegacyEmail(platform: Platform, user: User, value: string): void {
  if (holderOf(platform.state, user, value))
    throw new ApiError(409, 'item-already-exists', `An user with email "${value}" already exists`, { email: value })
  const list = emailsOf(platform.state, user)
  const kept = list.filter((item) => item.value !== value)
  for (const item of kept) item.primary = false
  const verified = {
    primary: true,
    status: 'verified',
    verifiedAt: nowSeconds(),
    verificationMethod: 'legacy',
  } as const
  list.splice(0, list.length, newEmailItem(value, verified), ...kept)
  while (list.length > maxEmails)
    list.splice(
      list.findLastIndex((item) => !item.primary),
      1,
    )
  user.email = value
}

/** `account.update`: personal tokens only; `language`, `emails` (or the older `email`), nothing else. */
export function updateAccount({ platform, caller, params }: MethodCall): Record<string, unknown> {
  if (caller.kind !== 'personal') throw methodRefused('account.update')
  refuseOtherKeys(isRecord(params) ? params : {}, ['language', 'email', 'emails'], '#/')
  const check = new ParamsCheck(params)
  const language = check.string('language', { minLength: 1, maxLength: 5 })
  const legacyEmail = check.string('email', { minLength: 1, maxLength: 300 })
  const emails = check.object('emails')
  check.done()
  const changes = emails && parseEmailChanges(emails)
  const { user } = caller
  if (language !== undefined) user.language = language
  if (legacyEmail !== undefined) setLegacyEmail(platform, user, legacyEmail)
  if (changes) applyEmailChanges(platform, user, changes)
  return accountView(platform, user)
}
