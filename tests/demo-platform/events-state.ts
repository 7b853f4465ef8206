import { createHash } from 'node:crypto'
import type { PryvEvent } from './cmc-records.ts'
import { findStream, streamLineage } from './cmc-streams.ts'
import type { Paging } from './events-paging.ts'
import { seededEventsOf, type EventDeletion } from './export-seed-events.ts'
import type { User } from './model.ts'
import type { Caller } from './sessions.ts'
import { enumError, type ParamsCheck } from './validation.ts'

export const eventStates = ['default', 'trashed', 'all'] as const
export type EventState = (typeof eventStates)[number]

/** What events.get reads beside the paging: which trash state, what changed since when, whether deletions come too. */
export interface ChangeFilter {
  state: EventState
  modifiedSince?: number
  includeDeletions: boolean
}

export function parseChangeFilter(check: ParamsCheck): ChangeFilter {
  const state = check.string('state') ?? 'default'
  if (!eventStates.some((known) => known === state)) check.add(enumError('#/state', eventStates))
  return {
    state: state as EventState,
    modifiedSince: check.number('modifiedSince'),
    includeDeletions: check.boolean('includeDeletions') ?? false,
  }
}

/** Under a trashed root stream: the platform only looks at the roots (a trashed child still shows its events). */
function underTrashedRoot(user: User, event: PryvEvent): boolean {
  return event.streamIds.some((streamId) => {
    const root = streamLineage(user, streamId).at(-1)
    return root !== undefined && findStream(user, root)?.trashed === true
  })
}

/** The platform keeps what changed strictly after `modifiedSince` (`modified > since`). */
export function isModifiedSince(event: { modified: number }, filter: ChangeFilter): boolean {
  return filter.modifiedSince === undefined || event.modified > filter.modifiedSince
}

/**
 * By default the platform leaves out trashed events and those under a
 * trashed root stream (eventsGetUtils `streamQueryAddHiddenStreams`);
 * `trashed` answers the trashed events themselves, `all` everything.
 */
export function matchesChangeFilter(user: User, event: PryvEvent, filter: ChangeFilter): boolean {
  if (!isModifiedSince(event, filter)) return false
  if (filter.state === 'all') return true
  if (filter.state === 'trashed') return event.trashed === true
  return event.trashed !== true && !underTrashedRoot(user, event)
}

/** `eventDeletions`: only with `includeDeletions` and `modifiedSince`, deleted after it, paged by the same `skip` and `limit`. */
export function deletionsFor(user: User, filter: ChangeFilter, paging: Paging): EventDeletion[] | undefined {
  if (!filter.includeDeletions || filter.modifiedSince === undefined) return undefined
  const since = filter.modifiedSince
  const sorted = (seededEventsOf(user.username)?.deletions ?? [])
    .filter((deletion) => deletion.deleted > since)
    .sort((a, b) => (paging.sortAscending ? a.deleted - b.deleted : b.deleted - a.deleted))
  const start = Math.max(0, paging.skip)
  const picked = paging.limit === undefined ? sorted.slice(start) : sorted.slice(start, start + paging.limit)
  return picked.map((deletion) => ({ ...deletion }))
}

function fieldId(username: string, streamId: string): string {
  return 'c' + createHash('sha256').update(`${username}/${streamId}`).digest('hex').slice(0, 24)
}

/** An account field as an event: its content is the bare value, not an object. */
export type AccountFieldEvent = Omit<PryvEvent, 'content'> & { content: unknown }

/**
 * The account fields the platform keeps as events: `state=all` lists these
 * four to a personal token (observed), dated at the account's creation.
 */
export function accountFieldEvents(caller: Caller, created: number): AccountFieldEvent[] {
  if (caller.kind !== 'personal') return []
  const user = caller.user
  const files = (seededEventsOf(user.username)?.events ?? []).flatMap((event) => event.attachments ?? [])
  const fields: Array<[string, string, unknown]> = [
    [':_system:attachedFiles', 'attached-files/b', files.reduce((sum, file) => sum + file.size, 0)],
    [':_system:dbDocuments', 'count/generic', 0],
    [':_system:language', 'language/iso-639-1', user.language],
    [':system:email', 'email/string', user.email],
  ]
  return fields.map(([streamId, type, value]) => ({
    id: fieldId(user.username, streamId),
    streamIds: [streamId],
    type,
    content: value,
    time: created,
    created,
    createdBy: 'system',
    modified: created,
    modifiedBy: 'system',
  }))
}
