import { readOfferEntry, type OfferEntry } from './consentGrant'
import { readLocalizedText, type LocalizedText } from './localizedText'

/** What the consent page shows of a signed OAuth state (from the platform's `/oauth2/authorize` redirect). */
export interface ConsentRequest {
  clientId: string
  /** `offer.requesterMeta.displayName`, else the client id. */
  requester: string
  title?: LocalizedText
  description?: LocalizedText
  consent?: LocalizedText
  entries: OfferEntry[]
  allowUserChoice: boolean
  userIdHint?: string
  /** When the platform stops taking the request, in Unix seconds (the page's clock is only a guide). */
  expires: number
}

/** `missing`: no state in the link; `garbled`: it cannot be read; `no-offer`: a state the server will refuse, the flow must restart. */
export type ConsentStateFailure = 'missing' | 'garbled' | 'no-offer'

export type ConsentStateReading = { ok: true; request: ConsentRequest } | { ok: false; reason: ConsentStateFailure }

type JsonRecord = Record<string, unknown>

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function nonEmptyText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** The payload of `<base64url(JSON)>.<base64url(MAC)>`: base64url -> bytes -> UTF-8 JSON; `atob` alone would turn every non-ASCII character into mojibake. */
function decodePayload(state: string): unknown {
  const body = /^([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+$/.exec(state)?.[1]
  if (!body) return undefined
  const base64 = body.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (body.length % 4)) % 4)
  try {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown
  } catch {
    return undefined
  }
}

function readRequest(payload: JsonRecord, offer: JsonRecord): ConsentStateReading {
  const clientId = nonEmptyText(payload.clientId)
  const entries = Array.isArray(offer.permissions) ? offer.permissions.map(readOfferEntry) : []
  const expires = payload.exp
  if (
    !clientId ||
    typeof expires !== 'number' ||
    !Number.isFinite(expires) ||
    entries.length === 0 ||
    entries.some((entry) => !entry)
  ) {
    return { ok: false, reason: 'garbled' }
  }
  const requesterMeta = isRecord(offer.requesterMeta) ? offer.requesterMeta : {}
  const userIdHint = nonEmptyText(payload.userIdHint)
  const request: ConsentRequest = {
    clientId,
    requester: nonEmptyText(requesterMeta.displayName) ?? clientId,
    entries: entries.filter((entry): entry is OfferEntry => entry !== undefined),
    allowUserChoice: offer.allowUserChoice === true,
    expires,
    ...(userIdHint ? { userIdHint } : {}),
  }
  for (const field of ['title', 'description', 'consent'] as const) {
    const text = readLocalizedText(offer[field])
    if (text) request[field] = text
  }
  return { ok: true, request }
}

/** Reads the signed `state` of an OAuth consent link for display; only the platform can check its signature, on accept or refuse. */
export function readConsentState(state: string | undefined): ConsentStateReading {
  if (!state) return { ok: false, reason: 'missing' }
  const payload = decodePayload(state)
  if (!isRecord(payload)) return { ok: false, reason: 'garbled' }
  if (!isRecord(payload.offer)) return { ok: false, reason: 'no-offer' }
  return readRequest(payload, payload.offer)
}
