import { accessView, insertAccess } from './access-records.ts'
import { parseNewAccess } from './accesses.ts'
import { describeFaults, parseFaults } from './faults.ts'
import { ApiError, htmlAnswer, isRecord, jsonAnswer } from './http.ts'
import type { RequestContext, Route } from './router.ts'
import { isSessionOf, pathUser } from './sessions.ts'
import { resetState, type PlatformState } from './state.ts'

/** Everything tests assert on; personal accesses are listed too, deleted accesses and webhooks with their `deleted` time. */
function stateView(state: PlatformState) {
  const now = Date.now()
  return {
    users: [...state.users.values()].map((user) => ({
      username: user.username,
      email: user.email,
      language: user.language,
      ...user.registration,
      mfa: user.mfa.active,
      openSessions: [...state.sessions.values()].filter(
        (session) => isSessionOf(state, session, user) && session.expires > now,
      ).length,
      streams: structuredClone(user.streams),
      accesses: structuredClone(user.accesses),
      webhooks: structuredClone(user.webhooks),
    })),
    authRequests: Object.fromEntries(
      [...state.authRequests.values()]
        .filter((request) => request.expires > now)
        .map((request) => [request.key, { state: request.state, history: request.history, expires: request.expires }]),
    ),
  }
}

function expireAuthRequest({ platform, params }: RequestContext) {
  const key = params.key ?? ''
  if (!platform.state.authRequests.delete(key))
    throw new ApiError(404, 'unknown-resource', `Unknown auth request "${key}"`)
  return jsonAnswer(200, { expired: key })
}

/** Seeds an access as if the user had accepted it earlier (type `app` unless told otherwise). */
function seedAccess({ platform, params, body }: RequestContext) {
  const user = pathUser(platform, params.username ?? '')
  const wanted = parseNewAccess(isRecord(body) ? { type: 'app', ...body } : body)
  const access = insertAccess(user, wanted, 'demo-control')
  return jsonAnswer(201, accessView(access, platform.config, user.username))
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Another site, on another origin of this machine, that frames each `src` (http(s) only): for clickjacking tests. */
function framingSite({ query }: RequestContext) {
  const frames = query.getAll('src').filter((src) => /^https?:\/\//.test(src))
  return htmlAnswer(
    200,
    `<!doctype html><title>Another site</title>${frames.map((src) => `<iframe src="${escapeHtml(src)}" width="400" height="300"></iframe>`).join('')}`,
  )
}

function route(method: string, pattern: RegExp, handle: Route['handle']): Route {
  return { method, pattern, meta: 'never', handle }
}

/** The `/_demo/` control API: test tooling, never part of a real platform. */
export const controlRoutes: Route[] = [
  route('POST', /^\/_demo\/reset$/, ({ platform }) => {
    resetState(platform)
    return jsonAnswer(200, { reset: true })
  }),
  route('GET', /^\/_demo\/state$/, ({ platform }) => jsonAnswer(200, stateView(platform.state))),
  route('GET', /^\/_demo\/requests$/, ({ platform }) => jsonAnswer(200, platform.state.requestLog)),
  route('DELETE', /^\/_demo\/requests$/, ({ platform }) => {
    platform.state.requestLog = []
    return jsonAnswer(200, [])
  }),
  route('GET', /^\/_demo\/framing-site$/, framingSite),
  route('GET', /^\/_demo\/tokens$/, ({ platform }) => jsonAnswer(200, platform.state.issuedTokens)),
  route('GET', /^\/_demo\/sms$/, ({ platform }) => jsonAnswer(200, platform.state.sms)),
  route('GET', /^\/_demo\/mails$/, ({ platform }) => jsonAnswer(200, platform.state.mails)),
  route('GET', /^\/_demo\/faults$/, ({ platform }) => jsonAnswer(200, describeFaults(platform.state.faults))),
  route('POST', /^\/_demo\/faults$/, ({ platform, body }) => {
    platform.state.faults = parseFaults(body)
    return jsonAnswer(200, describeFaults(platform.state.faults))
  }),
  route('DELETE', /^\/_demo\/faults$/, ({ platform }) => {
    platform.state.faults = { latencyMs: 0, rules: [] }
    return jsonAnswer(200, describeFaults(platform.state.faults))
  }),
  route('POST', /^\/_demo\/auth-requests\/(?<key>[^/]+)\/expire$/, expireAuthRequest),
  route('POST', /^\/_demo\/users\/(?<username>[^/]+)\/accesses$/, seedAccess),
]
