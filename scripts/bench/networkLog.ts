import type { CDPSession } from '@playwright/test'

export interface RequestRecord {
  url: string
  method: string
  /** CDP resource type: Document, Script, Stylesheet, Fetch, Preflight... */
  type: string
  /** Wall-clock milliseconds, comparable with `performance.timeOrigin + performance.now()` in the page. */
  startMs: number
  endMs?: number
  /** Bytes received for it (headers and encoded body), as CDP `encodedDataLength` counts them. */
  bytes: number
  failed?: boolean
}

interface WillBeSent { requestId: string; timestamp: number; wallTime: number; type?: string; request: { url: string; method: string } }
interface Finished { requestId: string; timestamp: number; encodedDataLength: number }

/** Records every request of a page through CDP (Network must be enabled on the session). */
export function recordNetwork(cdp: CDPSession): RequestRecord[] {
  const requests: RequestRecord[] = []
  const byId = new Map<string, RequestRecord>()
  // CDP gives a wall time only when a request starts; its monotonic clock is mapped with that.
  let wallOffsetMs = 0
  cdp.on('Network.requestWillBeSent', (event: WillBeSent) => {
    wallOffsetMs = event.wallTime * 1000 - event.timestamp * 1000
    const record: RequestRecord = { url: event.request.url, method: event.request.method, type: event.type ?? 'Other', startMs: event.wallTime * 1000, bytes: 0 }
    byId.set(event.requestId, record)
    requests.push(record)
  })
  cdp.on('Network.loadingFinished', (event: Finished) => {
    const record = byId.get(event.requestId)
    if (!record) return
    record.endMs = event.timestamp * 1000 + wallOffsetMs
    record.bytes = event.encodedDataLength
  })
  cdp.on('Network.loadingFailed', (event: { requestId: string; timestamp: number }) => {
    const record = byId.get(event.requestId)
    if (!record) return
    record.endMs = event.timestamp * 1000 + wallOffsetMs
    record.failed = true
  })
  return requests
}

/** `METHOD /path` of a request, as the request budget lists them. */
export function describeRequest(request: RequestRecord): string {
  return `${request.method} ${new URL(request.url).pathname}`
}

export function isPreflight(request: RequestRecord): boolean {
  return request.type === 'Preflight' || request.method === 'OPTIONS'
}

/**
 * Chromium reports a CORS preflight after the request it precedes, inside that
 * request's time span: the request itself only leaves once its preflight is
 * answered, so it starts there. Preflights then count as round trips of their own.
 */
export function withPreflightsFirst(requests: RequestRecord[]): RequestRecord[] {
  const preflights = requests.filter(isPreflight)
  return requests.map((request) => {
    if (isPreflight(request)) return request
    const preflight = preflights.find((candidate) => candidate.url === request.url && candidate.endMs !== undefined
      && candidate.startMs >= request.startMs && candidate.startMs <= (request.endMs ?? Number.POSITIVE_INFINITY))
    return preflight ? { ...request, startMs: preflight.endMs as number } : request
  })
}

/**
 * The longest chain of requests each starting after the previous one ended:
 * the round trips a user waits for one after the other.
 */
export function sequentialRoundTrips(requests: RequestRecord[]): number {
  const done = requests.filter((request) => request.endMs !== undefined).sort((a, b) => (a.endMs as number) - (b.endMs as number))
  const chain = new Map<RequestRecord, number>()
  for (const request of done) {
    const before = done.filter((other) => (other.endMs as number) <= request.startMs).map((other) => chain.get(other) ?? 1)
    chain.set(request, 1 + Math.max(0, ...before))
  }
  return Math.max(0, ...chain.values())
}
