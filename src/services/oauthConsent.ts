import type { Permission } from './accessState'
import { AppError, type AppErrorCode } from './appError'
import { sendJson, type JsonAnswer } from './http'
import { asRecord, textOf } from './json'

/** What accept or refuse needs: the platform's API base (`pryvApi`, the issuer) and the signed state, verbatim. */
export interface ConsentCall {
  pryvApi: string
  state: string
}

export interface ConsentAcceptance {
  username: string
  /** The personal token of the sign-in: sent in the body, as the platform asks, never in a URL. */
  userToken: string
  grantedPermissions: Permission[]
}

// The platform answers OAuth calls with `{ error, error_description }`; what the person can do depends on the words.
const stateProblems: ReadonlyArray<[RegExp, AppErrorCode]> = [
  [/^signed state (expired|not_yet_valid)/, 'consent-expired'],
  [/^(signed state|state is required)/, 'consent-invalid'],
]

/** The AppError of a failed accept or refuse, after the platform's OAuth error table. */
function consentError(answer: JsonAnswer): AppError {
  const body = asRecord(answer.body)
  const description = textOf(body?.error_description)?.slice(0, 500)
  const details = description ? [description] : []
  if (answer.status >= 500) return new AppError('server', details)
  if (answer.status === 401) return new AppError('session-expired')
  if (body?.error === 'invalid_scope') return new AppError('consent-choice-refused', details)
  const problem = stateProblems.find(([pattern]) => description !== undefined && pattern.test(description))
  return new AppError(problem?.[1] ?? 'consent-invalid', details)
}

/** The `redirectTo` of a 200 answer; where it leads is checked by whoever navigates. */
async function decide(url: string, body: Record<string, unknown>): Promise<string> {
  const answer = await sendJson(url, { body })
  if (!answer.ok) throw consentError(answer)
  const redirectTo = textOf(asRecord(answer.body)?.redirectTo)
  if (!redirectTo) throw new AppError('unexpected-answer')
  return redirectTo
}

/** POST {pryvApi}/oauth2/authorize/accept: grants the ticked entries; resolves to the client's redirect (with its code). */
export function acceptConsent(call: ConsentCall, acceptance: ConsentAcceptance): Promise<string> {
  return decide(`${call.pryvApi}/oauth2/authorize/accept`, { state: call.state, ...acceptance })
}

/** POST {pryvApi}/oauth2/authorize/refuse: no session needed; resolves to the client's redirect (with `access_denied`). */
export function refuseConsent(call: ConsentCall): Promise<string> {
  return decide(`${call.pryvApi}/oauth2/authorize/refuse`, { state: call.state })
}
