import type { User } from './model.ts'
import type { PlatformState } from './state.ts'

export type EmailStatus = 'pending' | 'verified'
export type VerificationMethod = 'email-link' | 'operator' | 'registration' | 'legacy'

/** One address of an account, as the platform keeps it in its `:_emails:` stream; times in epoch milliseconds. */
export interface EmailItem {
  value: string
  primary: boolean
  status: EmailStatus
  /** Epoch seconds, as the API shows it; null for the registration address. */
  verifiedAt: number | null
  verificationMethod: VerificationMethod | null
  /** SHA-256 (hex) of the live verification token: the token itself is never kept. */
  tokenHash: string | null
  tokenExpires: number | null
  /** When a verification mail was last due (stamped even when mail is off: the resend cooldown counts from it). */
  sentAt: number | null
}

/** A verification mail, as a mail catcher would see it: the link is the only place the token appears. */
export interface VerifyMail {
  to: string
  username: string
  verifyLink: string
}

export interface EmailSettings {
  /** `account.emailVerification.resendCooldownMs`. */
  resendCooldownMs: number
  /** `services.email.enabled.verifyEmail`: when off, tokens are still minted but nothing reaches the outbox. */
  mailEnabled: boolean
}

interface EmailRecords {
  /** Each account's addresses, newest first, by username; made from `user.email` on first use. */
  byUser: Map<string, EmailItem[]>
  outbox: VerifyMail[]
  settings: EmailSettings
}

export const defaultEmailSettings: EmailSettings = { resendCooldownMs: 300_000, mailEnabled: true }

// Kept beside the state rather than in it: `/_demo/reset` makes a new state, and with it new records.
const records = new WeakMap<PlatformState, EmailRecords>()

export function emailRecords(state: PlatformState): EmailRecords {
  let found = records.get(state)
  if (!found) {
    found = { byUser: new Map(), outbox: [], settings: { ...defaultEmailSettings } }
    records.set(state, found)
  }
  return found
}

/** A new address, pending unless told otherwise, with no verification mail sent yet. */
export function newEmailItem(value: string, facts: Partial<EmailItem> = {}): EmailItem {
  const unsent = { tokenHash: null, tokenExpires: null, sentAt: null }
  return { value, primary: false, status: 'pending', verifiedAt: null, verificationMethod: null, ...unsent, ...facts }
}

/** The account's addresses, newest first; the address it registered with is the first, verified by 'registration'. */
export function emailsOf(state: PlatformState, user: User): EmailItem[] {
  const all = emailRecords(state).byUser
  let list = all.get(user.username)
  if (!list) {
    list = [newEmailItem(user.email, { primary: true, status: 'verified', verificationMethod: 'registration' })]
    all.set(user.username, list)
  }
  return list
}

/** The account other than `user` holding this address (primary, verified or pending): matching is case-sensitive. */
export function holderOf(state: PlatformState, user: User, value: string): User | undefined {
  return [...state.users.values()].find(
    (other) => other !== user && emailsOf(state, other).some((item) => item.value === value),
  )
}

/** What `account.get` and `account.update` show of an address: never the token's hash or times. */
export function emailView(item: EmailItem) {
  const { value, primary, status, verifiedAt, verificationMethod } = item
  return { value, primary, status, verifiedAt, verificationMethod }
}
