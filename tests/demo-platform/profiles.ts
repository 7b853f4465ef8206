import { authenticateCaller } from './cmc-capability.ts'
import { jsonAnswer } from './http.ts'
import type { User } from './model.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser, requirePersonal } from './sessions.ts'

function personalUser({ platform, params, headers }: RequestContext): User {
  const user = pathUser(platform, params.username ?? '')
  requirePersonal(authenticateCaller(platform, user, headers.authorization))
  return user
}

/**
 * GET /{username}/profile/private (personal token only): the fields the
 * person stored and, while MFA is on, its phone and, in clear as the
 * platform stores them, the recovery codes.
 */
function privateProfile(context: RequestContext) {
  const user = personalUser(context)
  const { active, content, recoveryCodes } = user.mfa
  const mfa = active ? { mfa: { content: { ...content }, recoveryCodes: [...recoveryCodes] } } : {}
  return jsonAnswer(200, { profile: { ...structuredClone(user.profile?.private ?? {}), ...mfa } })
}

/** GET /{username}/profile/public (personal token only, like every profile but `app`). */
function publicProfile(context: RequestContext) {
  const user = personalUser(context)
  return jsonAnswer(200, { profile: structuredClone(user.profile?.public ?? {}) })
}

export const profileRoutes: Route[] = [
  { method: 'GET', pattern: /^\/(?<username>[^/]+)\/profile\/private$/, meta: 'always', handle: privateProfile },
  { method: 'GET', pattern: /^\/(?<username>[^/]+)\/profile\/public$/, meta: 'always', handle: publicProfile },
]
