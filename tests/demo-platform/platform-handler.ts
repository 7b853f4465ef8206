import type { IncomingMessage, ServerResponse } from 'node:http'
import { faultAnswer, pause, takeFault } from './faults.ts'
import {
  ApiError,
  corsHeaders,
  errorAnswer,
  isRecord,
  parseJsonBody,
  preflightAnswer,
  readBody,
  writeAnswer,
  type Answer,
} from './http.ts'
import { findRoute, type MetaRule, type RequestContext, type Route } from './router.ts'
import { apiMeta } from './service-info.ts'
import type { Platform } from './state.ts'

function withMeta(answer: Answer, rule: MetaRule): Answer {
  if (!isRecord(answer.json) || rule === 'never' || (rule === 'success-only' && 'error' in answer.json)) return answer
  return { ...answer, json: { ...answer.json, meta: apiMeta() } }
}

function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  console.error('demo platform: unexpected error', err)
  return new ApiError(500, 'unexpected-error', 'Unexpected error in the demo platform.')
}

async function routeAnswer(
  platform: Platform,
  routes: Route[],
  request: Omit<RequestContext, 'params' | 'body' | 'platform'>,
  bodyText: string,
): Promise<Answer> {
  const match = findRoute(routes, request.method, request.path)
  if (!match)
    return withMeta(
      errorAnswer(new ApiError(404, 'unknown-resource', `Unknown resource: ${request.method} ${request.path}`)),
      'always',
    )
  try {
    const body = (match.route.parseBody ?? parseJsonBody)(bodyText, request.headers['content-type'])
    return withMeta(await match.route.handle({ ...request, platform, params: match.params, body }), match.route.meta)
  } catch (err) {
    return withMeta(errorAnswer(asApiError(err)), match.route.meta)
  }
}

/**
 * Serves one request: logs it, applies latency and fault rules (never to the
 * `/_demo/` control API nor to CORS preflights), then routes it.
 */
export async function handlePlatformRequest(
  platform: Platform,
  routes: Route[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const method = req.method ?? 'GET'
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined
  const cors = corsHeaders(origin)
  const bodyText = await readBody(req)
  const isControl = url.pathname.startsWith('/_demo/')
  if (!isControl) {
    platform.state.requestLog.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      origin: origin ?? null,
      time: Date.now(),
    })
  }
  if (method === 'OPTIONS') {
    writeAnswer(res, preflightAnswer(), cors)
    return
  }
  if (!isControl) {
    await pause(platform.state.faults.latencyMs)
    const rule = takeFault(platform.state.faults, method, url.pathname, url.search.slice(1))
    if (rule) {
      await pause(rule.delayMs ?? 0)
      if (rule.reset) {
        req.socket.destroy()
        return
      }
      const answer = faultAnswer(rule)
      if (answer) {
        writeAnswer(res, answer, cors)
        return
      }
    }
  }
  const request = { method, path: url.pathname, query: url.searchParams, headers: req.headers, origin }
  writeAnswer(res, await routeAnswer(platform, routes, request, bodyText), cors)
}
