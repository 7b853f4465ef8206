import { checkApp, createAccess, deleteAccess } from './accesses.ts'
import { getAccesses } from './cmc-accesses.ts'
import { authenticateCaller } from './cmc-capability.ts'
import { createEvent, getEvent, getEvents } from './cmc-events.ts'
import { createStream, getStreams } from './cmc-streams.ts'
import { jsonAnswer } from './http.ts'
import { logout } from './login.ts'
import type { MethodHandler } from './method-call.ts'
import { changePassword } from './passwords.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser } from './sessions.ts'

/** The API methods that take a token, by id: one implementation each, for REST routes and batches alike. */
const apiMethods = {
  'accesses.checkApp': checkApp,
  'accesses.create': createAccess,
  'accesses.delete': deleteAccess,
  'accesses.get': getAccesses,
  'events.create': createEvent,
  'events.get': getEvents,
  'events.getOne': getEvent,
  'streams.create': createStream,
  'streams.get': getStreams,
  'auth.logout': logout,
  'account.changePassword': changePassword,
} satisfies Record<string, MethodHandler>

type ApiMethodId = keyof typeof apiMethods

export function findApiMethod(id: string): MethodHandler | undefined {
  return Object.hasOwn(apiMethods, id) ? apiMethods[id as ApiMethodId] : undefined
}

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
      const user = pathUser(context.platform, context.params.username ?? '')
      const caller = authenticateCaller(context.platform, user, context.headers.authorization)
      return jsonAnswer(status, apiMethods[methodId]({ platform: context.platform, caller, params: paramsOf(context) }))
    },
  }
}

/** A GET's query as method parameters: `name[]=a&name[]=b` (or repeated `name=`) as a list, `limit` as a number. */
function queryParams({ query }: RequestContext): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const key of new Set(query.keys())) {
    const name = key.replace(/\[\]$/, '')
    const values = [...query.getAll(name), ...query.getAll(`${name}[]`)]
    params[name] = key.endsWith('[]') || values.length > 1 ? values : values[0]
  }
  if (typeof params.limit === 'string') params.limit = Number(params.limit)
  return params
}

export const apiMethodRoutes: Route[] = [
  methodRoute('GET', /^\/(?<username>[^/]+)\/accesses$/, 'accesses.get', 200),
  methodRoute('GET', /^\/(?<username>[^/]+)\/events$/, 'events.get', 200, queryParams),
  methodRoute('GET', /^\/(?<username>[^/]+)\/events\/(?<id>[^/]+)$/, 'events.getOne', 200, (context) => ({
    id: context.params.id,
  })),
  methodRoute('POST', /^\/(?<username>[^/]+)\/events$/, 'events.create', 201),
  methodRoute('GET', /^\/(?<username>[^/]+)\/streams$/, 'streams.get', 200, queryParams),
  methodRoute('POST', /^\/(?<username>[^/]+)\/streams$/, 'streams.create', 201),
  methodRoute('POST', /^\/(?<username>[^/]+)\/accesses\/check-app$/, 'accesses.checkApp', 200),
  methodRoute('POST', /^\/(?<username>[^/]+)\/accesses$/, 'accesses.create', 201),
  methodRoute('DELETE', /^\/(?<username>[^/]+)\/accesses\/(?<id>[^/]+)$/, 'accesses.delete', 200, (context) => ({
    id: context.params.id,
  })),
  methodRoute('POST', /^\/(?<username>[^/]+)\/auth\/logout$/, 'auth.logout', 200),
  methodRoute('POST', /^\/(?<username>[^/]+)\/account\/change-password$/, 'account.changePassword', 200),
]
