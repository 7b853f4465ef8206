import { grantsOf } from './access-records.ts'
import { storeEvent } from './cmc-event-store.ts'
import { cmcRecords, type PryvEvent, type Relationship } from './cmc-records.ts'
import { identityOn } from './cmc-relationship.ts'
import { TriggerFailed } from './cmc-triggers.ts'
import { isRecord } from './http.ts'
import { nowSeconds } from './ids.ts'
import type { Access, User } from './model.ts'
import { parseConsentEntries } from './oauth-consent.ts'
import { asPermissions } from './oauth-grant.ts'
import { isStreamPermission } from './permissions.ts'
import type { Platform } from './state.ts'

function relationshipOf(platform: Platform, side: 'requester' | 'recipient', username: string, streamId: string) {
  const streamOf = (relationship: Relationship) =>
    side === 'requester' ? relationship.requesterStreamId : relationship.recipientStreamId
  const found = cmcRecords(platform.state).relationships.find(
    (relationship) => relationship[side] === username && streamOf(relationship) === streamId,
  )
  if (!found) throw new TriggerFailed('cmc-system-no-remote-apiendpoint')
  return found
}

/**
 * The plugin's answer to a requester's `consent/scope-request-cmc`: a copy in
 * the recipient's collectors stream, carrying only what the observed server
 * delivers. Answers the copy (the collector's trigger is not told its id).
 */
export function deliverScopeRequest(platform: Platform, requester: User, trigger: PryvEvent): PryvEvent {
  const relationship = relationshipOf(platform, 'requester', requester.username, trigger.streamIds[0] ?? '')
  const content: Record<string, unknown> = { from: identityOn(platform, requester.username) }
  for (const field of ['status', 'expires', 'message', 'newPermissions'])
    if (trigger.content[field] !== undefined) content[field] = trigger.content[field]
  return storeEvent(
    platform.state,
    relationship.recipient,
    { streamIds: [relationship.recipientStreamId], type: 'consent/scope-request-cmc', content },
    'system',
  )
}

function counterpartyGrant(recipient: User, accessId: string): Access {
  const access = grantsOf(recipient).find(
    (candidate) =>
      candidate.id === accessId &&
      candidate.deleted === undefined &&
      isRecord(candidate.clientData?.cmc) &&
      candidate.clientData.cmc.role === 'counterparty',
  )
  if (!access) throw new TriggerFailed('cmc-system-counterparty-access-not-found', { accessId })
  return access
}

/** The grant's plumbing (`:_cmc:` entries) stays; the person's permissions become the new set. Same access id, as observed. */
function applyScopeUpdate(recipient: User, accessId: string, newPermissions: unknown[], by: string): void {
  const access = counterpartyGrant(recipient, accessId)
  let entries
  try {
    entries = parseConsentEntries(newPermissions, false)
  } catch (err) {
    throw new TriggerFailed('cmc-scope-update-local-apply-failed', { message: String(err) })
  }
  const plumbing = access.permissions.filter(
    (permission) => isStreamPermission(permission) && permission.streamId.startsWith(':_cmc:'),
  )
  access.permissions = [...plumbing, ...asPermissions(entries)]
  access.modified = nowSeconds()
  access.modifiedBy = by
}

/**
 * The plugin's answer to a `consent/scope-update-cmc`: the grant changes
 * only when the answer carries both `accessId` and `newPermissions`; then
 * the requester is told in its collectors stream.
 */
export function handleScopeUpdate(platform: Platform, recipient: User, trigger: PryvEvent): Record<string, unknown> {
  const content = trigger.content
  const streamId = trigger.streamIds[0] ?? ''
  const applies =
    content.accept === true && typeof content.accessId === 'string' && Array.isArray(content.newPermissions)
  if (applies)
    applyScopeUpdate(recipient, String(content.accessId), content.newPermissions as unknown[], trigger.createdBy)
  if (!/:collectors:[^:]+$/.test(streamId)) throw new TriggerFailed('cmc-system-stream-not-collector', { streamId })
  const relationship = relationshipOf(platform, 'recipient', recipient.username, streamId)
  const told: Record<string, unknown> = {
    from: identityOn(platform, recipient.username),
    scopeRequestEventId: content.scopeRequestEventId,
    accept: content.accept,
  }
  if (content.reason !== undefined) told.reason = content.reason
  if (applies) told.newPermissions = content.newPermissions
  storeEvent(
    platform.state,
    relationship.requester,
    { streamIds: [relationship.requesterStreamId], type: 'consent/scope-update-cmc', content: told },
    'system',
  )
  return {}
}
