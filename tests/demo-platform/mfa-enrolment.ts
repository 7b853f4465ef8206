import { randomUUID } from 'node:crypto'
import { authenticateCaller } from './cmc-capability.ts'
import { ApiError, isRecord, jsonAnswer } from './http.ts'
import { assertCode, pendingSession, requireMfaEnabled, sendMfaChallenge, switchMfaOff } from './mfa.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser, type Caller } from './sessions.ts'
import { ParamsCheck } from './validation.ts'

type PersonalCaller = Extract<Caller, { kind: 'personal' }>

/** MFA settings change with a personal token only, as the platform's MFA routes check. */
function personalCaller({ platform, params, headers }: RequestContext): PersonalCaller {
  const user = pathUser(platform, params.username ?? '')
  const caller = authenticateCaller(platform, user, headers.authorization)
  if (caller.kind !== 'personal')
    throw new ApiError(403, 'forbidden', 'A personal access token is required for this operation.')
  return caller
}

/** The body of mfa/activate: the profile fields the SMS templates use (`{ phone }`), all text. */
function profileFields(body: unknown): Record<string, string> {
  const fields = isRecord(body) ? Object.entries(body) : []
  if (fields.length === 0 || fields.some(([, value]) => typeof value !== 'string' || value.trim() === '')) {
    throw new ApiError(400, 'invalid-parameters-format', 'Expected the profile fields of the SMS (e.g. "phone").')
  }
  return Object.fromEntries(fields) as Record<string, string>
}

/**
 * POST /{username}/mfa/activate: sends the code by SMS and answers 302 with
 * the `mfaToken` in a JSON body and no `Location`, as open-pryv.io 2.0 does.
 * Accepted while MFA is on: confirming replaces the phone and the codes.
 */
function activate(context: RequestContext) {
  requireMfaEnabled(context.platform)
  const caller = personalCaller(context)
  const enrolment = profileFields(context.body)
  return jsonAnswer(302, { mfaToken: sendMfaChallenge(context.platform, caller.user, caller.session.appId, enrolment) })
}

/** POST /{username}/mfa/confirm: the activation's code switches MFA on and answers ten new recovery codes. */
function confirm(context: RequestContext) {
  const { platform } = context
  requireMfaEnabled(platform)
  const pending = pendingSession(context, 401)
  if (!pending.enrolment) throw new ApiError(401, 'invalid-access-token', 'Invalid or expired MFA session token.')
  const check = new ParamsCheck(context.body)
  const code = check.requiredString('code')
  check.done()
  assertCode(pending, code)
  platform.state.mfaSessions.delete(pending.mfaToken)
  const user = pathUser(platform, pending.username)
  const recoveryCodes = Array.from({ length: 10 }, () => randomUUID())
  user.mfa = { active: true, recoveryCodes, content: pending.enrolment }
  return jsonAnswer(200, { recoveryCodes })
}

/** POST /{username}/mfa/deactivate: MFA off with a personal token; the platform's MFA mode is not checked. */
function deactivate(context: RequestContext) {
  const caller = personalCaller(context)
  switchMfaOff(context.platform, caller.user)
  return jsonAnswer(200, { message: 'MFA deactivated.' })
}

export const mfaEnrolmentRoutes: Route[] = [
  { method: 'POST', pattern: /^\/(?<username>[^/]+)\/mfa\/activate$/, meta: 'always', handle: activate },
  { method: 'POST', pattern: /^\/(?<username>[^/]+)\/mfa\/confirm$/, meta: 'always', handle: confirm },
  { method: 'POST', pattern: /^\/(?<username>[^/]+)\/mfa\/deactivate$/, meta: 'always', handle: deactivate },
]
