import type { Connection } from 'pryv'
import { AppError } from '@/services/appError'
import { asRecord } from '@/services/json'

export type EventRecord = Record<string, unknown>

/** What one `events.get` page gave: the events, and the deletions when asked for. */
export interface EventPage {
  events: EventRecord[]
  deletions: EventRecord[]
}

/** The contract's advice (§7): 1,000 events is a safe page, about 300 kB of JSON. */
export const pageSize = 1000

/** A deletion (`{ id, deleted, integrity? }`) has no streams; an event always has. */
function isDeletion(item: EventRecord): boolean {
  return item.deleted !== undefined && !Array.isArray(item.streamIds)
}

/**
 * GET events through `pryv`'s streamed parser (each event parsed as it arrives), one page of `query`. The library
 * reads an error answer as a parse failure; the platform's ended session is told apart by its error id.
 */
export async function readEventPage(connection: Connection, query: Record<string, unknown>): Promise<EventPage> {
  const page: EventPage = { events: [], deletions: [] }
  try {
    const body = asRecord(
      await connection.getEventsStreamed(query, (item: EventRecord) => {
        ;(isDeletion(item) ? page.deletions : page.events).push(item)
      }),
    )
    if (!body || body.error !== undefined) throw new AppError('server')
  } catch (err) {
    if (err instanceof Error && err.message.includes('invalid-access-token')) throw new AppError('session-expired')
    // Never the library's message: it quotes the call, token included.
    throw err instanceof AppError ? err : new AppError('server')
  }
  return page
}

/** The query of the events page at `skip`: every state, oldest first, so later pages do not shift. */
export function eventsQuery(skip: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { state: 'all', sortAscending: true, limit: pageSize, skip, ...extra }
}

/** Events of the account's own fields (`:_system:`, `:system:`): the account file holds them already. */
export function isAccountField(event: EventRecord): boolean {
  const streams = Array.isArray(event.streamIds) ? event.streamIds : []
  return (
    streams.length > 0 &&
    streams.every((id) => typeof id === 'string' && (id.startsWith(':_system:') || id.startsWith(':system:')))
  )
}

/** Entries of the audit store (`:_audit:access-…`), the only ones an audit read keeps. */
export function isAuditEntry(event: EventRecord): boolean {
  const streams = Array.isArray(event.streamIds) ? event.streamIds : []
  return streams.some((id) => typeof id === 'string' && id.startsWith(':_audit:access-'))
}
