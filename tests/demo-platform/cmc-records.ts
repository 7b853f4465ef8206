import { seededEventsOf } from './export-seed-events.ts'
import type { PlatformState } from './state.ts'

/** An event as the API shows it; times in seconds. */
export interface PryvEvent {
  id: string
  streamIds: string[]
  type: string
  content: Record<string, unknown>
  time: number
  created: number
  createdBy: string
  modified: number
  modifiedBy: string
  trashed?: boolean
  /** Stored without read tokens: each answer adds the reading access's own (see attachments.ts). */
  attachments?: StoredAttachment[]
}

/** A file attached to an event; its bytes are generated from `seed` (see attachment-bytes.ts). */
export interface StoredAttachment {
  id: string
  fileName: string
  type: string
  size: number
  integrity: string
  seed: number
}

export type CapabilityMode = 'single-use' | 'open-link'

/** A capability minted for an offer: an access on the requester's account reading the offer copy only. */
export interface Capability {
  /** The capability id the offer carries (`capabilityId`), not the access id. */
  id: string
  accessId: string
  requester: string
  mode: CapabilityMode
  /** Epoch seconds. */
  expires: number
  consumed: boolean
  /** An open link its requester closed (`consent/invalidate-link-cmc`). */
  invalidated: boolean
  /** Who accepted an open-link offer (`username@host`), and when (epoch seconds). */
  acceptedBy: Record<string, number>
  /** The copy of the offer the capability reads. */
  offerEventId: string
  /** The requester's own `consent/request-cmc` event. */
  requestEventId: string
}

/** One accepted relationship: the collectors streams on both sides and the data grant on the recipient's. */
export interface Relationship {
  requester: string
  recipient: string
  requesterStreamId: string
  recipientStreamId: string
  dataGrantAccessId: string
}

export interface TriggerFailure {
  reason: string
  detail?: unknown
}

export interface CmcSettings {
  /** How long a trigger stays `delivered` before the plugin answers it. */
  triggerDelayMs: number
  /** The observed server fails to deliver refusals (its requester side wants a `capabilityUrl`). */
  refusalDeliveryBug: boolean
  failNextTrigger: TriggerFailure | null
}

export interface CmcRecords {
  /** Every user's events, by username. */
  events: Map<string, PryvEvent[]>
  capabilities: Capability[]
  relationships: Relationship[]
  settings: CmcSettings
}

export function defaultCmcSettings(): CmcSettings {
  return { triggerDelayMs: 150, refusalDeliveryBug: true, failNextTrigger: null }
}

// Kept beside the state rather than in it: `/_demo/reset` makes a new state, and with it new records.
const records = new WeakMap<PlatformState, CmcRecords>()

export function cmcRecords(state: PlatformState): CmcRecords {
  let found = records.get(state)
  if (!found) {
    found = { events: new Map(), capabilities: [], relationships: [], settings: defaultCmcSettings() }
    records.set(state, found)
  }
  return found
}

export function userEvents(state: PlatformState, username: string): PryvEvent[] {
  const all = cmcRecords(state).events
  let list = all.get(username)
  if (!list) {
    // Seeded accounts get their (shared, frozen) events on first read: a reset stays fast.
    list = [...(seededEventsOf(username)?.events ?? [])]
    all.set(username, list)
  }
  return list
}
