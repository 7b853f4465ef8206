import { assertPathUsername, checkCredentials } from './credentials.ts'
import { ApiError, jsonAnswer } from './http.ts'
import { newId, newSmsCode } from './ids.ts'
import type { MfaSession, User } from './model.ts'
import type { RequestContext, Route } from './router.ts'
import { apiEndpoint, openSession, sessionLifetimeMs } from './sessions.ts'
import type { Platform } from './state.ts'
import { ParamsCheck } from './validation.ts'

/**
 * Opens a pending MFA login (or, with `enrolment`, an activation) and "sends"
 * its first code (the demo records the SMS).
 */
export function sendMfaChallenge(
  platform: Platform,
  user: User,
  appId: string,
  enrolment?: Record<string, string>,
): string {
  const session: MfaSession = {
    mfaToken: newId(),
    username: user.username,
    appId,
    code: '',
    expires: Date.now() + sessionLifetimeMs,
    ...(enrolment && { enrolment }),
  }
  platform.state.mfaSessions.set(session.mfaToken, session)
  platform.state.issuedTokens.push({ kind: 'mfa', username: user.username, token: session.mfaToken })
  sendCode(platform, session)
  return session.mfaToken
}

function sendCode(platform: Platform, session: MfaSession): void {
  session.code = newSmsCode()
  platform.state.sms.push({ username: session.username, code: session.code, time: Date.now() })
}

/** `services.mfa.mode: disabled`: the calls that send or check codes refuse, as `requireMFAEnabled` does. */
export function requireMfaEnabled(platform: Platform): void {
  if (!platform.state.mfaEnabled) throw new ApiError(503, 'api-unavailable', 'MFA is not enabled on this server.')
}

/**
 * The pending login or activation the `Authorization` header names; `status`
 * is what an unknown or expired one answers (mfa/confirm says 401).
 */
export function pendingSession({ platform, params, headers }: RequestContext, status = 403): MfaSession {
  const session = platform.state.mfaSessions.get(headers.authorization ?? '')
  if (!session || session.username !== params.username || session.expires < Date.now()) {
    throw new ApiError(status, 'invalid-access-token', 'Invalid or expired MFA session token.')
  }
  return session
}

/** The same provider refusal for a wrong code on a login and on an activation. */
export function assertCode(pending: MfaSession, code: string): void {
  if (code !== pending.code) {
    throw new ApiError(400, 'invalid-operation', 'MFA SMS provider error: HTTP 400 Invalid code', {
      id: 'mfa-sms-provider-error',
    })
  }
}

/** POST /{username}/mfa/challenge: a new code replaces the previous one (a login's or an activation's). */
function challenge(context: RequestContext) {
  requireMfaEnabled(context.platform)
  sendCode(context.platform, pendingSession(context))
  return jsonAnswer(200, { message: 'Please enter the code you received by SMS.' })
}

/** POST /{username}/mfa/verify: the right code turns the pending login into a personal session. */
function verify(context: RequestContext) {
  const { platform } = context
  requireMfaEnabled(platform)
  const pending = pendingSession(context)
  if (pending.enrolment) throw new ApiError(403, 'invalid-access-token', 'Invalid or expired MFA session token.')
  const check = new ParamsCheck(context.body)
  const code = check.requiredString('code')
  check.done()
  assertCode(pending, code)
  platform.state.mfaSessions.delete(pending.mfaToken)
  const user = platform.state.users.get(pending.username)
  if (!user) throw new ApiError(403, 'invalid-access-token', 'Invalid or expired MFA session token.')
  const session = openSession(platform, user, pending.appId)
  return jsonAnswer(200, {
    token: session.token,
    apiEndpoint: apiEndpoint(platform.config, user.username, session.token),
  })
}

/** POST /{username}/mfa/recover: a recovery code (with the password) switches MFA off. */
function recover({ platform, params, body }: RequestContext) {
  const check = new ParamsCheck(body)
  const username = check.requiredString('username')
  const password = check.requiredString('password')
  const recoveryCode = check.requiredString('recoveryCode')
  check.done()
  assertPathUsername(platform.state, params.username ?? '', username)
  const user = checkCredentials(platform, username.toLowerCase(), password)
  if (!user.mfa.active) throw new ApiError(400, 'invalid-operation', 'MFA is not active for this account.')
  if (!user.mfa.recoveryCodes.includes(recoveryCode.trim()))
    throw new ApiError(400, 'invalid-parameters-format', 'Invalid recovery code.')
  switchMfaOff(platform, user)
  return jsonAnswer(200, { message: 'MFA deactivated.' })
}

/** MFA off for the account: no phone, no codes, no pending login or activation left. */
export function switchMfaOff(platform: Platform, user: User): void {
  user.mfa = { active: false, recoveryCodes: [] }
  for (const [token, pending] of platform.state.mfaSessions) {
    if (pending.username === user.username) platform.state.mfaSessions.delete(token)
  }
}

export const mfaRoutes: Route[] = [
  { method: 'POST', pattern: /^\/(?<username>[^/]+)\/mfa\/challenge$/, meta: 'always', handle: challenge },
  { method: 'POST', pattern: /^\/(?<username>[^/]+)\/mfa\/verify$/, meta: 'always', handle: verify },
  { method: 'POST', pattern: /^\/(?<username>[^/]+)\/mfa\/recover$/, meta: 'always', handle: recover },
]
