import { assertPathUsername, checkCredentials } from './credentials.ts'
import { jsonAnswer } from './http.ts'
import type { MethodCall } from './method-call.ts'
import { sendMfaChallenge } from './mfa.ts'
import type { RequestContext, Route } from './router.ts'
import { apiEndpoint, openSession, requirePersonal } from './sessions.ts'
import { assertTrustedApp, callerOrigin } from './trusted-apps.ts'
import { ParamsCheck } from './validation.ts'

/** POST /{username}/auth/login: checks app trust, then the password; MFA accounts get an `mfaToken` and an SMS. */
function login({ platform, params, body, headers }: RequestContext) {
  const check = new ParamsCheck(body)
  const username = check.requiredString('username')
  const password = check.requiredString('password')
  const appId = check.requiredString('appId')
  check.done()
  assertTrustedApp(platform.config, appId, callerOrigin(headers))
  assertPathUsername(params.username ?? '', username)
  const user = checkCredentials(platform, username.toLowerCase(), password)
  if (user.mfa.active) return jsonAnswer(200, { mfaToken: sendMfaChallenge(platform, user, appId) })
  const session = openSession(platform, user, appId)
  return jsonAnswer(200, {
    token: session.token,
    apiEndpoint: apiEndpoint(platform.config, user.username, session.token),
    preferredLanguage: user.language,
  })
}

/** `auth.logout`: ends the caller's personal session. */
export function logout({ platform, caller }: MethodCall): Record<string, unknown> {
  const session = requirePersonal(caller)
  platform.state.sessions.delete(session.token)
  return {}
}

export const loginRoutes: Route[] = [
  { method: 'POST', pattern: /^\/(?<username>[^/]+)\/auth\/login$/, meta: 'always', handle: login },
]
