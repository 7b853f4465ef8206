import pryv from 'pryv'
import { vi } from 'vitest'

/** alice's personal session, through the real `pryv` Connection, so its batch and streamed reads run. */
export const token = 'personal-token-123'
export const endpoint = 'https://api.example.com/alice/'
export const connection = new pryv.Connection(`https://${token}@api.example.com/alice/`)

export type Answer = { status: number; body: string | ArrayBuffer }
type Route = (url: URL, init: RequestInit) => Answer | Promise<Answer>

export const json = (status: number, body: unknown): Answer => ({ status, body: JSON.stringify(body) })

/** Stubs `fetch` with a router: each request's URL and init to an answer; every call recorded. */
export function stubPlatform(route: Route) {
  const calls: { url: URL; init: RequestInit }[] = []
  const mock = vi.fn(async (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input))
    calls.push({ url, init })
    init.signal?.throwIfAborted()
    const { status, body } = await route(url, init)
    return new Response(body, { status, headers: { 'Content-Type': 'application/json' } })
  })
  vi.stubGlobal('fetch', mock)
  return calls
}

/** The batch calls of a request body, by method. */
export function batchMethods(init: RequestInit): string[] {
  return (JSON.parse(String(init.body)) as { method: string }[]).map((call) => call.method)
}

export function event(n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: `e${n}`, streamIds: ['diary'], type: 'note/txt', content: `n${n}`, time: n, ...extra }
}
