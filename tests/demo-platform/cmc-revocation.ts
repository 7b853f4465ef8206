import { isGrant } from './access-records.ts'
import { storeEvent } from './cmc-event-store.ts'
import { cmcInbox, ensurePluginStreams } from './cmc-streams.ts'
import { isRecord } from './http.ts'
import { nowSeconds } from './ids.ts'
import type { Access, StoredAccess, User } from './model.ts'
import type { Platform } from './state.ts'

/** The data grant's CMC record when it is one (`role: 'counterparty'`): capabilities and plain accesses tell no one. */
function counterpartyCmc(access: StoredAccess): Record<string, unknown> | null {
  const cmc = isGrant(access) ? access.clientData?.cmc : undefined
  return isRecord(cmc) && cmc.role === 'counterparty' ? cmc : null
}

/** What the plugin posts to the requester's inbox: the deleted access and what ties it to the offer. */
function revokeContent(access: Access, cmc: Record<string, unknown>): Record<string, unknown> {
  const content: Record<string, unknown> = { accessId: access.id }
  for (const field of ['appCode', 'offerEventId', 'acceptEventId', 'inviteEventId', 'scopeStreamId'])
    if (typeof cmc[field] === 'string') content[field] = cmc[field]
  return content
}

function tellRequester(platform: Platform, user: User, access: Access, cmc: Record<string, unknown>): void {
  const counterparty = isRecord(cmc.counterparty) ? cmc.counterparty : {}
  const requester = { username: String(counterparty.username ?? ''), host: String(counterparty.host ?? '') }
  const onThisPlatform = requester.host === new URL(platform.config.origin).host
  const requesterUser = onThisPlatform ? platform.state.users.get(requester.username) : undefined
  const content = revokeContent(access, cmc)
  let eventId: string | null = null
  if (requesterUser) {
    ensurePluginStreams(requesterUser)
    const event = { streamIds: [cmcInbox], type: 'consent/revoke-cmc', content }
    eventId = storeEvent(platform.state, requesterUser.username, event, 'system').id
  }
  platform.state.cmcRevocations.push({
    username: user.username,
    accessId: access.id,
    requester,
    delivered: requesterUser !== undefined,
    eventId,
    content,
    time: nowSeconds(),
  })
}

/**
 * The plugin's hook after `accesses.delete`: each deleted CMC data grant
 * sends a `consent/revoke-cmc` to its requester's `:_cmc:inbox` (here, when
 * the requester is an account of this platform). Fire-and-forget: nothing
 * here may fail the deletion, which is already done.
 */
export function tellRequestersOfRevocations(platform: Platform, user: User, deleted: StoredAccess[]): void {
  for (const access of deleted) {
    const cmc = counterpartyCmc(access)
    if (!cmc || !isGrant(access)) continue
    try {
      tellRequester(platform, user, access, cmc)
    } catch (err) {
      console.error('demo platform: a CMC revocation could not be delivered', err)
    }
  }
}
