import { authenticateCaller } from './cmc-capability.ts'
import { jsonAnswer } from './http.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser, requirePersonal } from './sessions.ts'

/**
 * GET /{username}/profile/private (personal token only): `{}` while MFA is
 * off; then its phone and, in clear as the platform stores them, the recovery codes.
 */
function privateProfile({ platform, params, headers }: RequestContext) {
  const user = pathUser(platform, params.username ?? '')
  requirePersonal(authenticateCaller(platform, user, headers.authorization))
  const { active, content, recoveryCodes } = user.mfa
  const profile = active ? { mfa: { content: { ...content }, recoveryCodes: [...recoveryCodes] } } : {}
  return jsonAnswer(200, { profile })
}

export const profilePrivateRoutes: Route[] = [
  { method: 'GET', pattern: /^\/(?<username>[^/]+)\/profile\/private$/, meta: 'always', handle: privateProfile },
]
