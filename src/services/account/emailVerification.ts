import type { Service } from 'pryv'
import { AppError, toAppError } from '../appError'
import { answerError, sendJson, type JsonAnswer } from '../http'
import { asRecord, textOf } from '../json'
import { findUsername, isEmail, userHomeUrl } from '../users'

/** What a verification link carried, once the router's guard took it out of the address. */
export interface VerifyLink {
  token: string
  /** Given only when the platform's mail template adds it; else the person types it. */
  username: string | null
}

/** The outcome the page shows; `failed` is one worth trying again (network, platform down). */
export type VerifyOutcome =
  | { kind: 'verified'; email: string }
  | { kind: 'invalid-link' }
  | { kind: 'unknown-user' }
  | { kind: 'failed'; error: AppError }

/** The link's token and user; null for a link without a token (nothing to verify). */
export function readVerifyLink(token: string | undefined, username: string | undefined): VerifyLink | null {
  if (!token) return null
  return { token, username: username?.trim() || null }
}

/**
 * The platform's answer to `account/verify-email`. Its 401 is the same for an unknown, expired, used or
 * other account's token, so all of those are one "invalid link"; an unknown account is the name's fault.
 */
export function readVerifyAnswer(answer: JsonAnswer): VerifyOutcome {
  const email = textOf(asRecord(answer.body)?.email)
  if (answer.ok)
    return email ? { kind: 'verified', email } : { kind: 'failed', error: new AppError('unexpected-answer') }
  const id = asRecord(asRecord(answer.body)?.error)?.id
  if (answer.status === 401 && id === 'invalid-access-token') return { kind: 'invalid-link' }
  if (answer.status === 404) return { kind: 'unknown-user' }
  return { kind: 'failed', error: answerError(answer) }
}

/**
 * POST {user API}account/verify-email `{ appId, token }` without any token of a session: the account is
 * found from what the person typed (a username, or an e-mail as the sign-in resolves it) first.
 */
export async function verifyEmail(
  service: Service,
  login: string,
  token: string,
  appId: string,
): Promise<VerifyOutcome> {
  try {
    const username = await findUsername(service, login)
    // An address with no account is answered as a link that does not work, as one with an account and another token.
    if (!username) return isEmail(login) ? { kind: 'invalid-link' } : { kind: 'unknown-user' }
    const url = new URL('account/verify-email', await userHomeUrl(service, username))
    return readVerifyAnswer(await sendJson(url.href, { body: { appId, token } }))
  } catch (err) {
    return { kind: 'failed', error: toAppError(err) }
  }
}

/** An outcome after which asking again could change something: the platform unreachable, or a mistyped name. */
function mayAskAgain(outcome: VerifyOutcome): boolean {
  return outcome.kind === 'failed' || outcome.kind === 'unknown-user'
}

/**
 * One call per link: while a call runs, or once the platform gave a final answer, every ask gets that
 * same outcome (a double click or a page shown twice never calls again); a failure that may pass or an
 * unknown name lets the next ask call.
 */
export function verifyOnce(call: (login: string) => Promise<VerifyOutcome>): (login: string) => Promise<VerifyOutcome> {
  let current: Promise<VerifyOutcome> | null = null
  let open = true
  return (login) => {
    if (current && !open) return current
    open = false
    current = call(login).then((outcome) => {
      open = mayAskAgain(outcome)
      return outcome
    })
    return current
  }
}
