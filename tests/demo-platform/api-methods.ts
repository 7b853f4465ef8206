import { checkApp, createAccess } from './accesses.ts'
import { getAccount } from './account-emails.ts'
import { updateAccount } from './account-update.ts'
import { deleteAccess } from './accesses-delete.ts'
import { getAccesses } from './accesses-list.ts'
import { auditedCall } from './audit-calls.ts'
import { authenticateCaller } from './cmc-capability.ts'
import { createEvent, getEvent, getEvents } from './cmc-events.ts'
import { createStream, getStreams } from './cmc-streams.ts'
import { jsonAnswer } from './http.ts'
import { logout } from './login.ts'
import type { MethodHandler } from './method-call.ts'
import { changePassword } from './passwords.ts'
import { getProfile } from './profiles.ts'
import { queryParams } from './query-params.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser } from './sessions.ts'
import { changeUsername, usernameChanges } from './username-change.ts'
import { createWebhook, getWebhooks } from './webhooks.ts'

/** The API methods that take a token, by id: one implementation each, for REST routes and batches alike. */
const apiMethods = {
  'accesses.checkApp': checkApp,
  'accesses.create': createAccess,
  'accesses.delete': deleteAccess,
  'accesses.get': getAccesses,
  'events.create': createEvent,
  'events.get': getEvents,
  'events.getOne': getEvent,
  'profile.get': getProfile,
  'streams.create': createStream,
  'streams.get': getStreams,
  'webhooks.create': createWebhook,
  'webhooks.get': getWebhooks,
  'auth.logout': logout,
  'account.changePassword': changePassword,
  'account.get': getAccount,
  'account.update': updateAccount,
  'account.usernameChanges': usernameChanges,
  'account.changeUsername': changeUsername,
} satisfies Record<string, MethodHandler>

type ApiMethodId = keyof typeof apiMethods

export function findApiMethod(id: string): MethodHandler | undefined {
  return Object.hasOwn(apiMethods, id) ? apiMethods[id as ApiMethodId] : undefined
}

/** A REST route of a method: the path's account, the token, then the method, filed in the account's audit log. */
function methodRoute(
  method: string,
  pattern: RegExp,
  methodId: ApiMethodId,
  status: number,
  paramsOf = (context: RequestContext): unknown => context.body,
): Route {
  return {
    method,
    pattern,
    meta: 'always',
    handle: (context) => {
      const { platform, headers, query } = context
      const user = pathUser(platform, context.params.username ?? '')
      return auditedCall(platform, user, { methodId, query, token: headers.authorization }, () => {
        const caller = authenticateCaller(platform, user, headers.authorization)
        return jsonAnswer(status, apiMethods[methodId]({ platform, caller, params: paramsOf(context) }))
      })
    },
  }
}

const fromQuery = (context: RequestContext) => queryParams(context.query)
const withPathId = (context: RequestContext) => ({ id: context.params.id })

export const apiMethodRoutes: Route[] = [
  methodRoute('GET', /^\/(?<username>[^/]+)\/accesses$/, 'accesses.get', 200, fromQuery),
  methodRoute('GET', /^\/(?<username>[^/]+)\/events$/, 'events.get', 200, fromQuery),
  methodRoute('GET', /^\/(?<username>[^/]+)\/events\/(?<id>[^/]+)$/, 'events.getOne', 200, withPathId),
  methodRoute('POST', /^\/(?<username>[^/]+)\/events$/, 'events.create', 201),
  methodRoute('GET', /^\/(?<username>[^/]+)\/profile\/(?<id>[^/]+)$/, 'profile.get', 200, withPathId),
  methodRoute('GET', /^\/(?<username>[^/]+)\/streams$/, 'streams.get', 200, fromQuery),
  methodRoute('POST', /^\/(?<username>[^/]+)\/streams$/, 'streams.create', 201),
  methodRoute('POST', /^\/(?<username>[^/]+)\/accesses\/check-app$/, 'accesses.checkApp', 200),
  methodRoute('POST', /^\/(?<username>[^/]+)\/accesses$/, 'accesses.create', 201),
  methodRoute('DELETE', /^\/(?<username>[^/]+)\/accesses\/(?<id>[^/]+)$/, 'accesses.delete', 200, withPathId),
  methodRoute('GET', /^\/(?<username>[^/]+)\/webhooks$/, 'webhooks.get', 200, fromQuery),
  methodRoute('POST', /^\/(?<username>[^/]+)\/webhooks$/, 'webhooks.create', 201),
  methodRoute('POST', /^\/(?<username>[^/]+)\/auth\/logout$/, 'auth.logout', 200),
  methodRoute('POST', /^\/(?<username>[^/]+)\/account\/change-password$/, 'account.changePassword', 200),
  methodRoute('GET', /^\/(?<username>[^/]+)\/account$/, 'account.get', 200),
  methodRoute('PUT', /^\/(?<username>[^/]+)\/account$/, 'account.update', 200),
  methodRoute('GET', /^\/(?<username>[^/]+)\/account\/username-changes$/, 'account.usernameChanges', 200),
  methodRoute('POST', /^\/(?<username>[^/]+)\/account\/change-username$/, 'account.changeUsername', 200),
]
