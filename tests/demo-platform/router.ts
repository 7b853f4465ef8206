import type { IncomingHttpHeaders } from 'node:http'
import type { Answer } from './http.ts'
import type { Platform } from './state.ts'

/** One HTTP request as a route handler sees it. */
export interface RequestContext {
  platform: Platform
  method: string
  /** The path as received (still percent-encoded): what faults and the request log match. */
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  origin: string | undefined
  /** Parsed JSON body, `undefined` when empty. */
  body: unknown
  /** Decoded named groups of the route's pattern. */
  params: Record<string, string>
}

/**
 * Which answers carry `meta`: the real platform leaves it out of the errors
 * of its register-like routes (`/reg/access*`, `/reg/{email}/uid`...).
 */
export type MetaRule = 'always' | 'success-only' | 'never'

export interface Route {
  method: string
  pattern: RegExp
  meta: MetaRule
  /** How the body is read when not as JSON (the OAuth token endpoint takes form fields). */
  parseBody?: (text: string, contentType: string | undefined) => unknown
  handle: (context: RequestContext) => Answer | Promise<Answer>
}

interface RouteMatch {
  route: Route
  params: Record<string, string>
}

function decodeGroups(groups: Record<string, string | undefined> | undefined): Record<string, string> | null {
  const params: Record<string, string> = {}
  for (const [name, value] of Object.entries(groups ?? {})) {
    if (value === undefined) continue
    try {
      params[name] = decodeURIComponent(value)
    } catch {
      return null
    }
  }
  return params
}

/** The first route taking this method and path, with its decoded parameters. */
export function findRoute(routes: Route[], method: string, path: string): RouteMatch | null {
  for (const route of routes) {
    if (route.method !== method) continue
    const found = route.pattern.exec(path)
    const params = found ? decodeGroups(found.groups) : null
    if (params) return { route, params }
  }
  return null
}
