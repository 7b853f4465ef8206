import { claimCapability, readOffer, requesterIdentity } from './cmc-accept.ts'
import { storeEvent } from './cmc-event-store.ts'
import { cmcRecords, type PryvEvent } from './cmc-records.ts'
import { identityOn } from './cmc-relationship.ts'
import { cmcInbox } from './cmc-streams.ts'
import { TriggerFailed } from './cmc-triggers.ts'
import type { User } from './model.ts'
import type { Platform } from './state.ts'

/**
 * The plugin's answer to a `consent/refuse-cmc` trigger. The observed server
 * posts a refusal its own requester side rejects (it wants a `capabilityUrl`),
 * so by default the trigger fails and the requester is never told.
 */
export function handleRefuse(platform: Platform, recipient: User, trigger: PryvEvent): Record<string, unknown> {
  const { capability, requester, offer } = readOffer(platform, String(trigger.content.capabilityUrl))
  if (cmcRecords(platform.state).settings.refusalDeliveryBug)
    throw new TriggerFailed('cmc-handler-delivery-failed', { reason: 'http-4xx', status: 400 })
  const self = identityOn(platform, recipient.username)
  claimCapability(capability, self)
  storeEvent(
    platform.state,
    requester.username,
    {
      streamIds: [cmcInbox],
      type: 'consent/refuse-cmc',
      content: { from: self, capabilityId: capability.id, reason: trigger.content.reason ?? null },
    },
    'system',
  )
  if (capability.mode === 'single-use') capability.consumed = true
  return {
    capabilityId: capability.id,
    offerEventId: offer.id,
    from: requesterIdentity(offer),
  }
}
