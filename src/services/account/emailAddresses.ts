import type { Connection } from 'pryv'
import { answerError } from '@/services/http'
import { asRecord } from '@/services/json'
import { AppError } from '@/services/appError'
import { accountProfileOf, updateAccount, type AccountProfile, type EmailAddress } from './accountProfile'

/** What the person can ask about one address: each is one `emails` change of `account.update`. */
export type EmailAction = 'add' | 'resend' | 'setPrimary' | 'remove'

/** Why the page or the platform refuses an e-mail change, in words the section has for each. */
export type EmailRefusal =
  | { reason: 'format' }
  | { reason: 'on-account' }
  | { reason: 'in-use' }
  | { reason: 'limit'; max: number | null }
  | { reason: 'not-verified' }
  | { reason: 'primary' }
  | { reason: 'already-verified' }
  | { reason: 'unknown-address' }
  | { reason: 'cooldown'; seconds: number }

export type EmailOutcome = { ok: true; account: AccountProfile } | { ok: false; refusal: EmailRefusal }

// Same rule as the registration form; the platform checks no format at all, so this is the only check.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const maxLength = 300

/** The platform matches addresses case by case: one person's address is always sent trimmed and lower-cased. */
export function normalizeAddress(text: string): string {
  return text.trim().toLowerCase()
}

/**
 * What the page knows before adding: the address's form, whether the account has it, and the number of addresses
 * once a refusal told the platform's limit (it counts the primary).
 */
export function addRefusal(
  address: string,
  emails: readonly EmailAddress[],
  limit: number | null,
): EmailRefusal | null {
  if (address.length > maxLength || !emailPattern.test(address)) return { reason: 'format' }
  if (emails.some((email) => email.address === address)) return { reason: 'on-account' }
  if (limit !== null && emails.length >= limit) return { reason: 'limit', max: limit }
  return null
}

/** Which actions an address offers: a link again while waiting, primary once verified, removal unless primary. */
export function actionsOf(email: EmailAddress): Record<Exclude<EmailAction, 'add'>, boolean> {
  return { resend: !email.verified, setPrimary: email.verified && !email.primary, remove: !email.primary }
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null
}

// The platform answers `invalid-operation` for every rule of one action; its data or words tell them apart.
const operationRefusals: Readonly<Record<EmailAction, EmailRefusal>> = {
  add: { reason: 'on-account' },
  setPrimary: { reason: 'not-verified' },
  remove: { reason: 'primary' },
  resend: { reason: 'already-verified' },
}

/** The refusal of an `emails` change, from its error id, data and words; anything else stays the platform's error. */
export function emailRefusalOf(action: EmailAction, status: number, body: unknown): EmailRefusal | AppError {
  const error = asRecord(asRecord(body)?.error)
  const data = asRecord(error?.data)
  if (error?.id === 'item-already-exists') return { reason: 'in-use' }
  // Stryker disable next-line BooleanLiteral: equivalent, answerError reads only the status and the body
  if (error?.id !== 'invalid-operation') return answerError({ status, ok: false, body })
  const seconds = numberOf(data?.retryAfterSeconds)
  if (seconds !== null) return { reason: 'cooldown', seconds }
  if (data && 'maxEmails' in data) return { reason: 'limit', max: numberOf(data.maxEmails) }
  if (typeof error.message === 'string' && /not registered/i.test(error.message)) return { reason: 'unknown-address' }
  return operationRefusals[action]
}

/**
 * One change of the account's addresses: the whole account as it now is, or a rule's refusal in our terms; any
 * other failure (an ended session, the network) is thrown.
 */
export async function changeEmail(connection: Connection, action: EmailAction, address: string): Promise<EmailOutcome> {
  const value = action === 'setPrimary' ? address : [address]
  const answer = await updateAccount(connection, { emails: { [action]: value } })
  if (answer.ok) return { ok: true, account: accountProfileOf(answer.body) }
  const refusal = emailRefusalOf(action, answer.status, answer.body)
  if (refusal instanceof AppError) throw refusal
  return { ok: false, refusal }
}
