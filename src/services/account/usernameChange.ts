import type { Connection } from 'pryv'
import type { Service } from '@/services/platform'
import { loadPryv } from '@/services/pryvLibrary'
import type { Session } from '@/services/signIn'
import { AppError } from '@/services/appError'
import { answerError, requestJson, sendJson } from '@/services/http'
import { asRecord, textOf } from '@/services/json'
import { isValidUsername, normalizeUsername } from '@/services/register/accountRules'
import { accountUrl } from './accountProfile'

/** How many username changes the platform allows this account, and how many are left. */
export interface UsernameChanges {
  used: number
  limit: number
  remaining: number
}

/** Why a new username is refused, by the page before the call or by the platform after it. */
export type UsernameRefusal = 'format' | 'same' | 'reserved' | 'taken' | 'limit'

export type UsernameOutcome =
  { ok: true; username: string; remaining: number | null } | { ok: false; refusal: UsernameRefusal }

function countOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null
}

/** The platform's counts; null when the answer lacks one (the section then says nothing about the limit). */
export function usernameChangesOf(body: unknown): UsernameChanges | null {
  const record = asRecord(body)
  const used = countOf(record?.usernameChangesUsed)
  const limit = countOf(record?.usernameChangesLimit)
  const remaining = countOf(record?.usernameChangesRemaining)
  return used === null || limit === null || remaining === null ? null : { used, limit, remaining }
}

/** GET account/username-changes with the personal token. */
export async function readUsernameChanges(connection: Connection): Promise<UsernameChanges | null> {
  return usernameChangesOf(
    await requestJson(accountUrl(connection, '/username-changes'), { authorization: connection.token ?? '' }),
  )
}

/** The page's own checks: the platform's pattern (on the lower-cased name, as it is sent) and not the current name. */
export function usernameRefusal(wanted: string, current: string): UsernameRefusal | null {
  if (!isValidUsername(wanted)) return 'format'
  return normalizeUsername(wanted) === current ? 'same' : null
}

/** A refused change in our terms; any other failure stays the platform's error. */
export function usernameRefusalOf(status: number, body: unknown): UsernameRefusal | AppError {
  const error = asRecord(asRecord(body)?.error)
  const message = typeof error?.message === 'string' ? error.message : ''
  if (error?.id === 'item-already-exists') return 'taken'
  if (error?.id === 'invalid-parameters-format') return 'format'
  if (error?.id === 'invalid-operation') {
    if ('usernameChangesLimit' in (asRecord(error.data) ?? {}) || /limit/i.test(message)) return 'limit'
    if (/reserved/i.test(message)) return 'reserved'
    if (/identical/i.test(message)) return 'same'
  }
  // Stryker disable next-line BooleanLiteral: equivalent, answerError reads only the status and the body
  return answerError({ status, ok: false, body })
}

/** POST account/change-username: the account's new name, as the platform answers it, and the changes left. */
export async function changeUsername(connection: Connection, wanted: string): Promise<UsernameOutcome> {
  const answer = await sendJson(accountUrl(connection, '/change-username'), {
    body: { newUsername: normalizeUsername(wanted) },
    authorization: connection.token ?? '',
  })
  if (!answer.ok) {
    const refusal = usernameRefusalOf(answer.status, answer.body)
    if (refusal instanceof AppError) throw refusal
    return { ok: false, refusal }
  }
  const body = asRecord(answer.body)
  const username = textOf(asRecord(body?.account)?.username)
  if (!username) throw new AppError('unexpected-answer')
  // Stryker disable next-line OptionalChaining: equivalent, a body without a record has no username and threw above
  return { ok: true, username, remaining: countOf(body?.usernameChangesRemaining) }
}

/**
 * The session after a change: the same personal token on the API under the new name (the old one stays an alias,
 * but every later call and link should use the account's name).
 */
export async function sessionUnderName(service: Service, connection: Connection, username: string): Promise<Session> {
  const endpoint = await service.apiEndpointFor(username, connection.token ?? undefined)
  const { Connection } = await loadPryv()
  return { username, connection: new Connection(endpoint) }
}
