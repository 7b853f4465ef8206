import { userEvents, type PryvEvent } from './cmc-records.ts'
import { isInternalStreamId } from './cmc-streams.ts'
import { newId, nowSeconds } from './ids.ts'
import type { PlatformState } from './state.ts'

/** Stores a new event on a user's account; `by` is the access id that wrote it (the plugin's own writes say so). */
export function storeEvent(
  state: PlatformState,
  username: string,
  wanted: { streamIds: string[]; type: string; content: Record<string, unknown>; time?: number },
  by: string,
): PryvEvent {
  const now = nowSeconds()
  const event: PryvEvent = {
    id: newId(),
    streamIds: [...wanted.streamIds],
    type: wanted.type,
    content: structuredClone(wanted.content),
    time: wanted.time ?? now,
    created: now,
    createdBy: by,
    modified: now,
    modifiedBy: by,
  }
  userEvents(state, username).push(event)
  return event
}

export function findEvent(state: PlatformState, username: string, id: string): PryvEvent | undefined {
  return userEvents(state, username).find((event) => event.id === id)
}

/** An event as the API answers it: the plugin's hidden stream ids are stripped. */
export type EventView = PryvEvent & { streamId?: string }

export function eventView(event: PryvEvent): EventView {
  const streamIds = event.streamIds.filter((id) => !isInternalStreamId(id))
  return { ...structuredClone(event), streamIds, streamId: streamIds[0] }
}

/** Changes an event's content in place, as the plugin does when it answers a trigger. */
export function updateContent(event: PryvEvent, change: (content: Record<string, unknown>) => void): void {
  change(event.content)
  event.modified = nowSeconds()
  event.modifiedBy = 'system'
}
