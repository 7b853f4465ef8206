import { jsonAnswer } from './http.ts'
import type { RequestContext, Route } from './router.ts'
import { ParamsCheck } from './validation.ts'

/** POST /_demo/mfa `{ enabled }`: the platform's MFA mode (on by default; `/_demo/reset` puts it back). */
function setMfaMode({ platform, body }: RequestContext) {
  const check = new ParamsCheck(body)
  const enabled = check.boolean('enabled')
  check.done()
  if (enabled !== undefined) platform.state.mfaEnabled = enabled
  return jsonAnswer(200, { enabled: platform.state.mfaEnabled })
}

export const mfaControlRoutes: Route[] = [
  { method: 'POST', pattern: /^\/_demo\/mfa$/, meta: 'never', handle: setMfaMode },
  {
    method: 'GET',
    pattern: /^\/_demo\/mfa$/,
    meta: 'never',
    handle: ({ platform }) => jsonAnswer(200, { enabled: platform.state.mfaEnabled }),
  },
]
