import { eventView, findEvent, storeEvent } from './cmc-event-store.ts'
import { checkCmcEvent, startCmcEvent } from './cmc-hooks.ts'
import { userEvents, type PryvEvent } from './cmc-records.ts'
import { canRead, canWrite, ensurePluginStreams, findStream, isInSubtree, isInternalStreamId } from './cmc-streams.ts'
import { asksForAudit, getAuditEvents } from './audit-events.ts'
import { pageOf, parsePaging, typeMatches } from './events-paging.ts'
import {
  accountFieldEvents,
  deletionsFor,
  isModifiedSince,
  matchesChangeFilter,
  parseChangeFilter,
} from './events-state.ts'
import { withReadTokens } from './attachments.ts'
import { seedAnchor, seedSpan } from './export-seed.ts'
import { ApiError } from './http.ts'
import { nowSeconds } from './ids.ts'
import type { MethodCall } from './method-call.ts'
import type { Caller } from './sessions.ts'
import { matchesStreams, parseStreamsQuery } from './streams-query.ts'
import { ParamsCheck, typeError } from './validation.ts'

function stringList(check: ParamsCheck, name: string): string[] | undefined {
  const value = check.params[name]
  if (value === undefined) return undefined
  const list = typeof value === 'string' ? [value] : value
  if (Array.isArray(list) && list.every((item) => typeof item === 'string')) return list
  check.add(typeError(`#/${name}`, 'array of strings'))
  return undefined
}

function readable(caller: Caller, event: PryvEvent): boolean {
  return event.streamIds.some((streamId) => canRead(caller, streamId))
}

/** In the stream or below it; a hidden stream holds nothing (an answer of 0 events, not an error). */
function isInStream(caller: Caller, event: PryvEvent, root: string): boolean {
  return !isInternalStreamId(root) && event.streamIds.some((streamId) => isInSubtree(caller.user, streamId, root))
}

/**
 * `events.get`: what the token may read, filtered by `streams`, `types`,
 * `state` and `modifiedSince`, paged with the platform's defaults (see
 * events-paging.ts); `includeDeletions` adds `eventDeletions`. A query naming
 * an audit stream is answered by the audit store instead.
 */
export function getEvents({ platform, caller, params }: MethodCall): Record<string, unknown> {
  ensurePluginStreams(caller.user)
  const check = new ParamsCheck(params)
  const types = stringList(check, 'types')
  const streams = parseStreamsQuery(check)
  const paging = parsePaging(check, nowSeconds())
  const changes = parseChangeFilter(check)
  check.done()
  if (streams && asksForAudit(streams)) return getAuditEvents(platform, caller, streams, types, paging)
  const events = userEvents(platform.state, caller.user.username).filter(
    (event) =>
      matchesChangeFilter(caller.user, event, changes) &&
      readable(caller, event) &&
      typeMatches(types, event.type) &&
      (!streams || matchesStreams(streams, (root) => isInStream(caller, event, root))),
  )
  const fields = changes.state === 'all' && !streams ? accountFieldEvents(caller, seedAnchor - seedSpan) : []
  const fieldSet = new Set<object>(fields)
  const isStored = (event: object): event is PryvEvent => !fieldSet.has(event)
  const page = pageOf([...events, ...fields.filter((field) => isModifiedSince(field, changes))], paging).map((event) =>
    isStored(event) ? withReadTokens(caller, eventView(event)) : structuredClone(event),
  )
  const eventDeletions = deletionsFor(caller.user, changes, paging)
  return eventDeletions ? { events: page, eventDeletions } : { events: page }
}

/** `events.getOne`: 404 for an event the token may not read, as for an unknown one. */
export function getEvent({ platform, caller, params }: MethodCall): Record<string, unknown> {
  const check = new ParamsCheck(params)
  const id = check.requiredString('id')
  check.done()
  const event = findEvent(platform.state, caller.user.username, id)
  if (!event || !readable(caller, event)) throw new ApiError(404, 'unknown-resource', `Unknown event "${id}"`, { id })
  return { event: withReadTokens(caller, eventView(event)) }
}

function streamIdsParam(check: ParamsCheck): string[] {
  const list =
    stringList(check, 'streamIds') ?? (typeof check.params.streamId === 'string' ? [check.params.streamId] : [])
  if (list.length === 0)
    check.add({
      code: 'OBJECT_MISSING_REQUIRED_PROPERTY',
      params: ['streamIds'],
      message: 'must have streamIds',
      path: '#/',
    })
  return list
}

/** `events.create`: the streams must exist and be writable; CMC types go through the plugin's checks and hooks. `time` is now unless given. */
export function createEvent({ platform, caller, params }: MethodCall): Record<string, unknown> {
  const user = caller.user
  ensurePluginStreams(user)
  const check = new ParamsCheck(params)
  const type = check.requiredString('type', { minLength: 3 })
  const streamIds = streamIdsParam(check)
  const content = check.params.content
  const time = check.number('time')
  if (type !== '' && !/^[a-z0-9-]+\/[a-z0-9-]+$/.test(type))
    check.add({ code: 'PATTERN', message: 'must match the event type pattern "class/format"', path: '#/type' })
  check.done()
  const unknown = streamIds.filter((id) => isInternalStreamId(id) || !findStream(user, id))
  if (unknown.length > 0)
    throw new ApiError(400, 'unknown-referenced-resource', `Unknown referenced stream(s) "${unknown.join('", "')}"`, {
      streamIds: unknown,
    })
  if (!streamIds.every((id) => canWrite(caller, id)))
    throw new ApiError(403, 'forbidden', 'You cannot access this resource using the given access token.')
  checkCmcEvent(caller.kind === 'personal', type, content, streamIds)
  const by = caller.access.id
  const event = storeEvent(
    platform.state,
    user.username,
    { streamIds, type, content: (content ?? {}) as Record<string, unknown>, time },
    by,
  )
  return { event: startCmcEvent(platform, caller, event) }
}
