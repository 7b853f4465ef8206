import { ApiError, isRecord, jsonAnswer } from './http.ts'
import { parseOAuthBody } from './oauth-answers.ts'
import { authorize } from './oauth-authorize.ts'
import { oauthClientAppRoutes } from './oauth-client-app.ts'
import { accept, refuse } from './oauth-decision.ts'
import { oauthNow, oauthRecords } from './oauth-state.ts'
import { token } from './oauth-token.ts'
import type { RequestContext, Route } from './router.ts'
import type { PlatformState } from './state.ts'

/** What tests assert on: pending codes (without their tokens), the decisions answered, the OAuth clock. */
function oauthView(state: PlatformState) {
  const records = oauthRecords(state)
  return jsonAnswer(200, {
    now: oauthNow(state),
    clockOffsetSeconds: records.clockOffsetSeconds,
    codes: [...records.codes.values()].map(({ clientId, username, scope, expires }) => ({
      clientId,
      username,
      scope,
      expires,
    })),
    decisions: records.decisions,
  })
}

/** Moves the OAuth server's clock forward, e.g. past a consent request's 300 s. */
function advanceClock({ platform, body }: RequestContext) {
  const seconds = isRecord(body) ? body.advanceSeconds : undefined
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    throw new ApiError(400, 'invalid-parameters-format', 'advanceSeconds must be a number of seconds, 0 or more.')
  }
  oauthRecords(platform.state).clockOffsetSeconds += seconds
  return oauthView(platform.state)
}

function route(method: string, pattern: RegExp, handle: Route['handle']): Route {
  return { method, pattern, meta: 'never', handle }
}

function oauthPost(pattern: RegExp, handle: Route['handle']): Route {
  return { ...route('POST', pattern, handle), parseBody: parseOAuthBody }
}

/** The OAuth 2.0 server of a Pryv.io 2.0 platform, its control routes and its demo client; consent requests go to `consentPageUrl`. */
export function oauthRoutes(consentPageUrl: string): Route[] {
  return [
    route('GET', /^\/_demo\/oauth$/, ({ platform }) => oauthView(platform.state)),
    route('POST', /^\/_demo\/oauth\/clock$/, advanceClock),
    route('GET', /^\/oauth2\/authorize$/, authorize(consentPageUrl)),
    oauthPost(/^\/oauth2\/authorize\/accept$/, accept),
    oauthPost(/^\/oauth2\/authorize\/refuse$/, refuse),
    oauthPost(/^\/oauth2\/token$/, token),
    ...oauthClientAppRoutes,
  ]
}
