import { auditedCall } from './audit-calls.ts'
import { auditPseudoAccess } from './audit-store.ts'
import { assertPathUsername, checkCredentials } from './credentials.ts'
import { jsonAnswer } from './http.ts'
import type { MethodCall } from './method-call.ts'
import { sendMfaChallenge } from './mfa.ts'
import type { RequestContext, Route } from './router.ts'
import { apiEndpoint, openSession } from './sessions.ts'
import { userNamed } from './state.ts'
import { assertTrustedApp, callerOrigin } from './trusted-apps.ts'
import { ParamsCheck } from './validation.ts'

/** The login itself: checks app trust, then the password; MFA accounts get an `mfaToken` and an SMS. */
function login({ platform, params, body, headers }: RequestContext) {
  const check = new ParamsCheck(body)
  const username = check.requiredString('username')
  const password = check.requiredString('password')
  const appId = check.requiredString('appId')
  check.done()
  assertTrustedApp(platform.config, appId, callerOrigin(headers))
  assertPathUsername(platform.state, params.username ?? '', username)
  const user = checkCredentials(platform, username.toLowerCase(), password)
  if (user.mfa.active) return jsonAnswer(200, { mfaToken: sendMfaChallenge(platform, user, appId) })
  const session = openSession(platform, user, appId)
  return jsonAnswer(200, {
    token: session.token,
    apiEndpoint: apiEndpoint(platform.config, user.username, session.token),
    preferredLanguage: user.language,
  })
}

/** POST /{username}/auth/login, filed in the account's audit log under `valid-password` (a failure under `invalid`). */
function auditedLogin(context: RequestContext) {
  const user = userNamed(context.platform.state, context.params.username ?? '')
  if (!user) return login(context)
  const call = {
    methodId: 'auth.login',
    accessId: auditPseudoAccess.validPassword,
    failedAccessId: auditPseudoAccess.invalid,
  }
  return auditedCall(context.platform, user, call, () => login(context))
}

/**
 * `auth.logout`: ends the caller's session only; its personal access stays
 * listed, its token then answers "Access session has expired.". An app or
 * shared token gets 200 and nothing happens, as on the platform.
 */
export function logout({ platform, caller }: MethodCall): Record<string, unknown> {
  if (caller.kind === 'personal') platform.state.sessions.delete(caller.session.token)
  return {}
}

export const loginRoutes: Route[] = [
  { method: 'POST', pattern: /^\/(?<username>[^/]+)\/auth\/login$/, meta: 'always', handle: auditedLogin },
]
