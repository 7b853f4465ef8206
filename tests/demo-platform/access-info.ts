import { accessView } from './access-records.ts'
import { authenticateCaller } from './cmc-capability.ts'
import { isRecord, jsonAnswer } from './http.ts'
import type { Access } from './model.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser } from './sessions.ts'

/** Entries the platform adds to what an OAuth or data-grant token shows, besides the granted ones. */
function systemEntries(access: Access): Record<string, string>[] {
  const fromConsent = access.name.startsWith('oauth:') || isRecord(access.clientData?.cmc)
  return fromConsent
    ? [
        { streamId: ':_system:account', level: 'none' },
        { streamId: `:_audit:access-${access.id}`, level: 'read' },
      ]
    : []
}

/** GET /{username}/access-info: what the caller's token may do. */
function accessInfo({ platform, params, headers }: RequestContext) {
  const user = pathUser(platform, params.username ?? '')
  const caller = authenticateCaller(platform, user, headers.authorization)
  if (caller.kind === 'personal') {
    return jsonAnswer(200, {
      type: 'personal',
      name: caller.session.appId,
      permissions: [{ streamId: '*', level: 'manage' }],
      user: { username: user.username },
    })
  }
  const view = accessView(caller.access)
  return jsonAnswer(200, {
    ...view,
    permissions: [...caller.access.permissions, ...systemEntries(caller.access)],
    user: { username: user.username },
  })
}

export const accessInfoRoutes: Route[] = [
  { method: 'GET', pattern: /^\/(?<username>[^/]+)\/access-info$/, meta: 'always', handle: accessInfo },
]
