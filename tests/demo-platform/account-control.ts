import { auditLog } from './audit-store.ts'
import { jsonAnswer } from './http.ts'
import type { RequestContext, Route } from './router.ts'
import { isSessionOf, pathUser } from './sessions.ts'
import { ParamsCheck } from './validation.ts'

/**
 * POST /_demo/users/{username}/sessions/expire (`{ appId? }`): the user's
 * sessions (or that app id's) end at once, as if their lifetime ran out:
 * their tokens then answer "Access session has expired.".
 */
function expireSessions({ platform, params, body }: RequestContext) {
  const user = pathUser(platform, params.username ?? '')
  const check = new ParamsCheck(body)
  const appId = check.string('appId', { minLength: 1 })
  check.done()
  let expired = 0
  for (const [token, session] of platform.state.sessions) {
    if (!isSessionOf(platform.state, session, user) || (appId !== undefined && session.appId !== appId)) continue
    platform.state.sessions.delete(token)
    expired += 1
  }
  return jsonAnswer(200, { expired })
}

function route(method: string, pattern: RegExp, handle: Route['handle']): Route {
  return { method, pattern, meta: 'never', handle }
}

/** The control routes the account-area tests use (reset with everything else by `/_demo/reset`). */
export const accountControlRoutes: Route[] = [
  route('POST', /^\/_demo\/users\/(?<username>[^/]+)\/sessions\/expire$/, expireSessions),
  route('GET', /^\/_demo\/users\/(?<username>[^/]+)\/audit$/, ({ platform, params }) => {
    const user = pathUser(platform, params.username ?? '')
    return jsonAnswer(200, auditLog(platform.state, user.username))
  }),
  route('GET', /^\/_demo\/cmc-revocations$/, ({ platform }) => jsonAnswer(200, platform.state.cmcRevocations)),
]
