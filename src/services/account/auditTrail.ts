import type { Connection } from 'pryv'
import { AppError } from '@/services/appError'
import { callApi } from '@/services/callApi'
import { asRecord, textOf } from '@/services/json'

/** One call an access made, as its audit entry tells it; every text in it is the caller's, shown as text only. */
export interface AuditEntry {
  id: string
  /** Seconds. */
  time: number
  /** The API method (`events.get`, `getAccessInfo`...). */
  action: string
  /** The platform's refusal, when the call failed. */
  error?: { id: string; message: string }
  ip?: string
  /** The call's URL query, as JSON text. */
  query: string
}

/** Which entries to read: the accesses' own, within a period, optionally of one action or errors only. */
export interface AuditQuery {
  accessIds: readonly string[]
  /** Seconds: nothing before (the access's creation, or the period's start). */
  since: number
  /** Seconds: nothing after (now, or the period's end). */
  until: number
  action?: string
  errorsOnly?: boolean
}

/** Where to go on reading older entries: before this time, leaving out the ids already read at exactly that time. */
export interface AuditCursor {
  before: number
  readAtBefore: readonly string[]
}

export interface AuditPage {
  entries: AuditEntry[]
  /** Null once the period is read to its start. */
  next: AuditCursor | null
}

const errorType = 'audit-log/pryv-api-error'
const maxTextLength = 300
const maxQueryLength = 2000

export function auditStreamOf(accessId: string): string {
  return `:_audit:access-${accessId}`
}

function readEntry(value: unknown): (AuditEntry & { streamIds: string[]; isError: boolean }) | null {
  const event = asRecord(value)
  const id = textOf(event?.id)
  const time = event?.time
  if (!event || !id || typeof time !== 'number') return null
  const content = asRecord(event.content) ?? {}
  // Stryker disable next-line ArrayDeclaration,MethodExpression: equivalent, streamIds only feed isWanted, where a stream name that is no text (or a placeholder) matches no access's stream
  const streamIds = Array.isArray(event.streamIds) ? event.streamIds.filter((item) => typeof item === 'string') : []
  const entry = {
    id,
    time,
    action: (textOf(content.action) ?? '?').slice(0, maxTextLength),
    // Stryker disable next-line StringLiteral: equivalent, the answer is parsed JSON, so JSON.stringify of a value that is not undefined never returns undefined
    query: (JSON.stringify(content.query ?? {}) ?? '{}').slice(0, maxQueryLength),
    streamIds,
    isError: event.type === errorType,
  }
  const source = textOf(asRecord(content.source)?.ip)
  const failure = textOf(content.id)
  return {
    ...entry,
    ...(source ? { ip: source.slice(0, maxTextLength) } : {}),
    ...(failure
      ? {
          error: {
            id: failure.slice(0, maxTextLength),
            message: (textOf(content.message) ?? '').slice(0, maxTextLength),
          },
        }
      : {}),
  }
}

/**
 * Whether an entry is one of the accesses' own and matches the query. The platform may answer the whole account's
 * audit whatever stream is asked for (its PostgreSQL audit store drops the filter), so this check is what keeps
 * another access's calls off the page.
 */
export function isWanted(
  entry: { streamIds: readonly string[]; action: string; isError: boolean },
  query: AuditQuery,
): boolean {
  const streams = query.accessIds.map(auditStreamOf)
  return (
    entry.streamIds.some((streamId) => streams.includes(streamId)) &&
    (query.action === undefined || entry.action === query.action) &&
    (query.errorsOnly !== true || entry.isError)
  )
}

function publicEntry(entry: AuditEntry): AuditEntry {
  const shown: AuditEntry = { id: entry.id, time: entry.time, action: entry.action, query: entry.query }
  if (entry.error) shown.error = entry.error
  if (entry.ip) shown.ip = entry.ip
  return shown
}

/**
 * GET events on the accesses' audit streams (`events.get`, newest first), read backwards in time from the cursor in
 * requests of `batchSize` until `pageSize` of their own entries are found or the period's start is reached; paging
 * by time, since the platform's `limit`/`skip` count entries of other accesses too. Stops after `maxRequests`, with a
 * cursor to go on from.
 */
export async function readAuditPage(
  connection: Connection,
  query: AuditQuery,
  cursor: AuditCursor | null,
  options: { pageSize: number; batchSize: number; maxRequests: number },
): Promise<AuditPage> {
  const entries: AuditEntry[] = []
  let before = cursor?.before ?? query.until
  let readAtBefore = new Set(cursor?.readAtBefore ?? [])
  let limit = options.batchSize
  for (let request = 0; request < options.maxRequests; request++) {
    const result = await callApi(connection, 'events.get', {
      streams: query.accessIds.map(auditStreamOf),
      fromTime: query.since,
      toTime: before,
      limit,
      sortAscending: false,
      ...(query.errorsOnly ? { types: [errorType] } : {}),
    })
    const raw = Array.isArray(result.events) ? result.events : []
    const read = raw.map(readEntry).filter((entry) => entry !== null)
    const fresh = read.filter((entry) => !(entry.time === before && readAtBefore.has(entry.id)))
    entries.push(...fresh.filter((entry) => isWanted(entry, query)).map(publicEntry))
    if (raw.length < limit) return { entries, next: null }
    // A full batch with no readable time gives no point to go on from: said, rather than read again without end.
    if (read.length === 0) throw new AppError('unexpected-answer')
    if (fresh.length === 0) {
      // A whole batch at one instant, read already: time cannot page within an instant, so ask for more of it at once.
      limit += options.batchSize
      continue
    }
    limit = options.batchSize
    const oldest = Math.min(...read.map((entry) => entry.time))
    const atOldest = read.filter((entry) => entry.time === oldest).map((entry) => entry.id)
    readAtBefore = new Set(oldest === before ? [...readAtBefore, ...atOldest] : atOldest)
    before = oldest
    if (entries.length >= options.pageSize) break
  }
  return { entries, next: { before, readAtBefore: [...readAtBefore] } }
}

/** What an access did, in figures: calls by action (most first), errors, first and last. */
export interface AuditSummary {
  calls: number
  errors: number
  byAction: Array<{ action: string; count: number }>
  first?: number
  last?: number
}

export function summarizeAudit(entries: readonly AuditEntry[]): AuditSummary {
  const counts = new Map<string, number>()
  for (const entry of entries) counts.set(entry.action, (counts.get(entry.action) ?? 0) + 1)
  const times = entries.map((entry) => entry.time)
  return {
    calls: entries.length,
    errors: entries.filter((entry) => entry.error !== undefined).length,
    byAction: [...counts]
      .map(([action, count]) => ({ action, count }))
      .sort((a, b) => b.count - a.count || (a.action < b.action ? -1 : 1)),
    ...(times.length > 0 ? { first: Math.min(...times), last: Math.max(...times) } : {}),
  }
}
