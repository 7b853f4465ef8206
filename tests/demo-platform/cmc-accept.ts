import { resolveCapability, type ResolvedCapability } from './cmc-capability.ts'
import { findEvent } from './cmc-event-store.ts'
import type { Capability, PryvEvent } from './cmc-records.ts'
import { establishRelationship, identityOn, type Identity } from './cmc-relationship.ts'
import { cmcApps } from './cmc-streams.ts'
import { TriggerFailed } from './cmc-triggers.ts'
import { isRecord } from './http.ts'
import { nowSeconds } from './ids.ts'
import type { Permission, User } from './model.ts'
import { checkConsentGrant, parseConsentEntries, type ConsentEntry } from './oauth-consent.ts'
import { asPermissions } from './oauth-grant.ts'
import { apiEndpoint } from './sessions.ts'
import type { Platform } from './state.ts'

const grantFailures = {
  'not-subset': 'cmc-granted-permissions-not-subset',
  'choice-not-allowed': 'cmc-consent-user-choice-not-allowed',
  'mandatory-refused': 'cmc-mandatory-permission-refused',
} as const

function entriesOf(list: unknown, consent: boolean, reason: string): ConsentEntry[] {
  try {
    const entries = Array.isArray(list) ? parseConsentEntries(list, consent) : []
    if (entries.length > 0) return entries
    throw new Error(consent ? 'offer has no permissions' : 'grantedPermissions must not be empty (refuse instead)')
  } catch (err) {
    throw new TriggerFailed(reason, { message: err instanceof Error ? err.message : String(err) })
  }
}

/** The permissions the data grant gets: the whole offer, or the granted part when the consent rule allows it. */
export function grantedPermissions(request: Record<string, unknown>, granted: unknown): Permission[] {
  const offered = entriesOf(request.permissions, true, 'cmc-offer-invalid-permissions')
  if (granted === undefined || granted === null) return asPermissions(offered)
  const entries = entriesOf(granted, false, 'cmc-granted-permissions-not-subset')
  const check = checkConsentGrant(entries, offered, request.allowUserChoice === true)
  if (!check.ok) throw new TriggerFailed(grantFailures[check.reason], { offending: check.offending })
  return asPermissions(entries)
}

function accessTypeOf(request: Record<string, unknown>): 'shared' | 'app' {
  const type = request.accessType ?? 'shared'
  if (type === 'shared' || type === 'app') return type
  throw new TriggerFailed('cmc-offer-invalid-access-type', { accessType: type })
}

/** The requester's side refusing the delivered accept, as the 4xx answer the plugin records. */
function deliveryRejected(id: string, message: string, extra: Record<string, unknown> = {}): TriggerFailed {
  return new TriggerFailed('cmc-handler-delivery-rejected', {
    status: 400,
    body: { error: { id: 'invalid-operation', message, data: { id, ...extra } } },
  })
}

function acceptedKey(identity: Identity): string {
  return `${identity.username}@${identity.host}`
}

/** The requester's check of a delivered accept: a single-use capability once, an open link once per person until closed. */
export function claimCapability(capability: Capability, recipient: Identity): void {
  if (capability.invalidated) throw deliveryRejected('cmc-capability-invalidated', 'The requester closed this link.')
  if (capability.mode === 'single-use') {
    if (capability.consumed) throw deliveryRejected('cmc-capability-consumed', 'This capability was already used.')
    return
  }
  const acceptedAt = capability.acceptedBy[acceptedKey(recipient)]
  if (acceptedAt !== undefined)
    throw deliveryRejected('cmc-capability-already-accepted-by-you', 'You already accepted this offer.', { acceptedAt })
}

function recordClaim(capability: Capability, recipient: Identity): void {
  if (capability.mode === 'single-use') capability.consumed = true
  else capability.acceptedBy[acceptedKey(recipient)] = nowSeconds()
}

export function readOffer(platform: Platform, capabilityUrl: string): ResolvedCapability & { offer: PryvEvent } {
  const found = resolveCapability(platform, capabilityUrl)
  if (!found) throw new TriggerFailed('cmc-capability-invalid', { status: 401 })
  const offer = findEvent(platform.state, found.requester.username, found.capability.offerEventId)
  if (!offer) throw new TriggerFailed('cmc-capability-empty')
  return { ...found, offer }
}

/** The requester as the offer names it (stamped by its platform). */
export function requesterIdentity(offer: PryvEvent): Identity {
  return { username: String(offer.content.requesterUsername), host: String(offer.content.requesterHost) }
}

function scopeOf(offer: PryvEvent, trigger: PryvEvent): string {
  const origin = offer.content.originStreamId
  return typeof origin === 'string' && origin.startsWith(`${cmcApps}:`) ? origin : (trigger.streamIds[0] ?? '')
}

/**
 * The plugin's answer to a `consent/accept-cmc` trigger: read the offer
 * through the capability, apply the consent rule, deliver the accept to the
 * requester (who may refuse it), then leave the data grant in place.
 */
export function handleAccept(platform: Platform, recipient: User, trigger: PryvEvent): Record<string, unknown> {
  const content = trigger.content
  const { capability, requester, offer } = readOffer(platform, String(content.capabilityUrl))
  const request = isRecord(offer.content.request) ? offer.content.request : {}
  const meta = isRecord(offer.content.requesterMeta) ? offer.content.requesterMeta : {}
  const counterparty = requesterIdentity(offer)
  const permissions = grantedPermissions(request, content.grantedPermissions)
  const accessType = accessTypeOf(request)
  const self = identityOn(platform, recipient.username)
  claimCapability(capability, self)
  const appCode = typeof meta.appId === 'string' ? meta.appId : null
  const { dataGrant } = establishRelationship(platform, {
    requester,
    requesterIdentity: counterparty,
    recipient,
    scopeStreamId: scopeOf(offer, trigger),
    permissions,
    accessName:
      typeof content.accessName === 'string'
        ? content.accessName
        : `cmc:${appCode ?? 'app'}:${counterparty.username}@${counterparty.host}`,
    accessType,
    cmc: {
      appCode,
      capabilityId: capability.id,
      offerEventId: offer.id,
      acceptEventId: trigger.id,
      backChannelApiEndpoint: null,
      features: content.features ?? null,
    },
    createdBy: trigger.createdBy,
    nameSuffixSource: trigger.id,
  })
  recordClaim(capability, self)
  return {
    acceptedBy: { apiEndpoint: apiEndpoint(platform.config, recipient.username, dataGrant.token) },
    dataGrantAccessId: dataGrant.id,
    offerEventId: offer.id,
    capabilityId: capability.id,
    from: counterparty,
  }
}
