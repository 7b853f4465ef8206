import type { Connection } from 'pryv'
import { AppError } from '@/services/appError'
import { requestJson, sendJson, answerError, type JsonAnswer } from '@/services/http'
import { asRecord, textOf } from '@/services/json'

/** How the platform came to call an address verified: only a link or an operator proves the person holds it. */
export type EmailProof = 'link' | 'operator' | 'registration' | 'legacy' | 'none'

export interface EmailAddress {
  address: string
  primary: boolean
  verified: boolean
  proof: EmailProof
}

/** What the Profile section shows of `account.get`, copied field by field (nothing else of the answer is kept). */
export interface AccountProfile {
  username: string
  language: string
  emails: EmailAddress[]
  /** Bytes used by the account's data and its attached files. */
  storage: { documents: number; files: number }
}

const proofs: Readonly<Record<string, EmailProof>> = {
  'email-link': 'link',
  operator: 'operator',
  registration: 'registration',
  legacy: 'legacy',
}

function proofOf(method: unknown): EmailProof {
  return typeof method === 'string' && Object.hasOwn(proofs, method) ? (proofs[method] as EmailProof) : 'none'
}

function emailOf(value: unknown): EmailAddress | null {
  const item = asRecord(value)
  const address = textOf(item?.value)
  if (!item || !address) return null
  const verified = item.status === 'verified'
  return {
    address,
    primary: item.primary === true,
    verified,
    proof: verified ? proofOf(item.verificationMethod) : 'none',
  }
}

function bytesOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0
}

/**
 * The account of an answer (`{ account }`). A platform that lists no `emails` (before 2.0, or the username
 * change's answer) has the legacy `email` as its one, primary address.
 */
export function accountProfileOf(body: unknown): AccountProfile {
  const account = asRecord(asRecord(body)?.account)
  const username = textOf(account?.username)
  if (!account || !username) throw new AppError('unexpected-answer')
  const listed = Array.isArray(account.emails) ? account.emails.map(emailOf) : []
  const emails = listed.filter((email): email is EmailAddress => email !== null)
  const legacy = textOf(account.email)
  if (!Array.isArray(account.emails) && legacy)
    emails.push({ address: legacy, primary: true, verified: true, proof: 'none' })
  const storage = asRecord(account.storageUsed)
  return {
    username,
    language: textOf(account.language) ?? '',
    emails,
    storage: { documents: bytesOf(storage?.dbDocuments), files: bytesOf(storage?.attachedFiles) },
  }
}

export function accountUrl(connection: Connection, path = ''): string {
  return `${connection.endpoint}account${path}`
}

/** GET account with the personal token. */
export async function readAccount(connection: Connection): Promise<AccountProfile> {
  return accountProfileOf(await requestJson(accountUrl(connection), { authorization: connection.token ?? '' }))
}

/** PUT account: the platform's whole answer, so a caller can read a refusal's own data. */
export function updateAccount(connection: Connection, changes: object): Promise<JsonAnswer> {
  return sendJson(accountUrl(connection), { method: 'PUT', body: changes, authorization: connection.token ?? '' })
}

/** PUT account `{ language }`: the account's language, as the platform keeps it. */
export async function setAccountLanguage(connection: Connection, language: string): Promise<AccountProfile> {
  const answer = await updateAccount(connection, { language })
  if (!answer.ok) throw answerError(answer)
  return accountProfileOf(answer.body)
}
