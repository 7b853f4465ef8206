import { accessView } from './access-records.ts'
import { auditedCall } from './audit-calls.ts'
import { authenticateCaller } from './cmc-capability.ts'
import { jsonAnswer } from './http.ts'
import type { Access, PersonalAccess } from './model.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser } from './sessions.ts'

/** Entries the platform adds to every app or shared token at use time (not stored: accesses.get leaves them out). */
function systemEntries(access: Access): Record<string, string>[] {
  return [
    { streamId: ':_system:account', level: 'none' },
    { streamId: `:_audit:access-${access.id}`, level: 'read' },
  ]
}

/** What a personal token is told: its access (named after the app id) without permissions, integrity or modifiedBy. */
function personalInfo(access: PersonalAccess): Record<string, unknown> {
  const { type, name, id, token, created, createdBy, modified, lastUsed } = access
  return { type, name, id, token, created, createdBy, modified, ...(lastUsed === undefined ? {} : { lastUsed }) }
}

/** GET /{username}/access-info: what the caller's token may do (audited as `getAccessInfo`). */
function accessInfo({ platform, params, headers, query }: RequestContext) {
  const user = pathUser(platform, params.username ?? '')
  return auditedCall(platform, user, { methodId: 'getAccessInfo', query, token: headers.authorization }, () => {
    const caller = authenticateCaller(platform, user, headers.authorization)
    const info =
      caller.kind === 'personal'
        ? personalInfo(caller.access)
        : {
            ...accessView(caller.access),
            permissions: [...caller.access.permissions, ...systemEntries(caller.access)],
          }
    return jsonAnswer(200, { ...info, user: { username: user.username } })
  })
}

export const accessInfoRoutes: Route[] = [
  { method: 'GET', pattern: /^\/(?<username>[^/]+)\/access-info$/, meta: 'always', handle: accessInfo },
]
