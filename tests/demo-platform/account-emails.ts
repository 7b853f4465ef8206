import { ApiError } from './http.ts'
import type { MethodCall } from './method-call.ts'
import type { User } from './model.ts'
import { emailRecords, emailsOf, emailView, holderOf, newEmailItem, type EmailItem } from './email-records.ts'
import { sendVerification } from './email-verification.ts'
import { methodRefused } from './sessions.ts'
import type { Platform } from './state.ts'

/** `account.maxEmails`: the primary counts. */
export const maxEmails = 5

const refused = (message: string, data?: unknown) => new ApiError(400, 'invalid-operation', message, data)

/** The account's fields before the platform had several addresses (what `account.changeUsername` answers). */
export function legacyAccount(user: User) {
  return {
    username: user.username,
    email: user.email,
    language: user.language,
    storageUsed: { dbDocuments: 0, attachedFiles: 0 },
  }
}

/** The whole account as `account.get` and `account.update` answer it. */
export function accountView(platform: Platform, user: User) {
  return { account: { ...legacyAccount(user), emails: emailsOf(platform.state, user).map(emailView) } }
}

/** `account.get`: personal tokens only. */
export function getAccount({ platform, caller }: MethodCall): Record<string, unknown> {
  if (caller.kind !== 'personal') throw methodRefused('account.get')
  return accountView(platform, caller.user)
}

/** All or nothing: every address is checked before any is kept, then each gets its mail. */
export function addEmails(platform: Platform, user: User, values: string[]): void {
  const list = emailsOf(platform.state, user)
  const added: EmailItem[] = []
  for (const value of values) {
    if (list.some((item) => item.value === value) || added.some((item) => item.value === value))
      throw refused('This email is already registered on the account.', { email: value })
    if (holderOf(platform.state, user, value))
      throw new ApiError(409, 'item-already-exists', `An email with email "${value}" already exists`, { email: value })
    if (list.length + added.length >= maxEmails)
      throw refused(`Maximum number of emails (${maxEmails}) reached.`, { maxEmails })
    added.push(newEmailItem(value))
  }
  list.unshift(...[...added].reverse())
  for (const item of added) sendVerification(platform, user, item)
}

function registered(list: EmailItem[], value: string): EmailItem {
  const item = list.find((candidate) => candidate.value === value)
  if (!item) throw refused('This email is not registered on the account.')
  return item
}

export function setPrimaryEmail(platform: Platform, user: User, value: string): void {
  const list = emailsOf(platform.state, user)
  const item = registered(list, value)
  if (item.status !== 'verified') throw refused('Only a verified email can be set as primary.')
  for (const other of list) other.primary = other === item
  user.email = item.value
}

export function removeEmails(platform: Platform, user: User, values: string[]): void {
  const list = emailsOf(platform.state, user)
  for (const value of values) {
    const item = registered(list, value)
    if (item.primary) throw refused('The primary email cannot be removed.')
    list.splice(list.indexOf(item), 1)
  }
}

function cooldownLeftMs(platform: Platform, item: EmailItem): number {
  const { resendCooldownMs } = emailRecords(platform.state).settings
  return item.sentAt === null ? 0 : item.sentAt + resendCooldownMs - Date.now()
}

export function resendEmails(platform: Platform, user: User, values: string[]): void {
  const list = emailsOf(platform.state, user)
  for (const value of values) {
    const item = registered(list, value)
    if (item.status === 'verified') throw refused('This email is already verified.')
    const left = cooldownLeftMs(platform, item)
    if (left > 0) {
      const data = { email: value, retryAfterSeconds: Math.ceil(left / 1000) }
      throw refused('Please wait before requesting another verification email.', data)
    }
    sendVerification(platform, user, item)
  }
}
