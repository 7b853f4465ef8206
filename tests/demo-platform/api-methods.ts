import { checkApp, createAccess, deleteAccess } from './accesses.ts'
import { jsonAnswer } from './http.ts'
import { logout } from './login.ts'
import type { MethodHandler } from './method-call.ts'
import { changePassword } from './passwords.ts'
import type { RequestContext, Route } from './router.ts'
import { authenticate, pathUser } from './sessions.ts'

/** The API methods that take a token, by id: one implementation each, for REST routes and batches alike. */
const apiMethods = {
  'accesses.checkApp': checkApp,
  'accesses.create': createAccess,
  'accesses.delete': deleteAccess,
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
      const caller = authenticate(context.platform, user, context.headers.authorization)
      return jsonAnswer(status, apiMethods[methodId]({ platform: context.platform, caller, params: paramsOf(context) }))
    },
  }
}

export const apiMethodRoutes: Route[] = [
  methodRoute('POST', /^\/(?<username>[^/]+)\/accesses\/check-app$/, 'accesses.checkApp', 200),
  methodRoute('POST', /^\/(?<username>[^/]+)\/accesses$/, 'accesses.create', 201),
  methodRoute('DELETE', /^\/(?<username>[^/]+)\/accesses\/(?<id>[^/]+)$/, 'accesses.delete', 200, (context) => ({
    id: context.params.id,
  })),
  methodRoute('POST', /^\/(?<username>[^/]+)\/auth\/logout$/, 'auth.logout', 200),
  methodRoute('POST', /^\/(?<username>[^/]+)\/account\/change-password$/, 'account.changePassword', 200),
]
