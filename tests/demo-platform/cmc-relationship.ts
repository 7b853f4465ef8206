import { insertAccess } from './access-records.ts'
import { storeEvent } from './cmc-event-store.ts'
import { cmcRecords, type Relationship } from './cmc-records.ts'
import { cmcInbox, ensureAppStreamChain } from './cmc-streams.ts'
import { TriggerFailed } from './cmc-triggers.ts'
import { ApiError } from './http.ts'
import type { Access, Permission, User } from './model.ts'
import { apiEndpoint } from './sessions.ts'
import type { Platform } from './state.ts'

/** Who a party is across platforms: `from` on what the plugin delivers. */
export interface Identity {
  username: string
  host: string
}

export function identityOn(platform: Platform, username: string): Identity {
  return { username, host: new URL(platform.config.origin).host }
}

/** `<user>--<host name with dots as dashes>`, the port dropped: how a peer's streams are named. */
export function peerSlug(identity: Identity): string {
  const hostname = new URL(`http://${identity.host}`).hostname
  return `${identity.username}--${hostname.replace(/\./g, '-')}`
}

export const collectorsStreamUnder = (scope: string, peer: Identity) => `${scope}:collectors:${peerSlug(peer)}`
export const chatStreamUnder = (scope: string, peer: Identity) => `${scope}:chats:${peerSlug(peer)}`

/** The data grant's wanted shape: the permissions given to the requester and what its `clientData.cmc` tells. */
export interface WantedRelationship {
  requester: User
  requesterIdentity: Identity
  recipient: User
  /** The offer's scope stream (`:_cmc:apps:...`); both sides' anchors live under it. */
  scopeStreamId: string
  permissions: Permission[]
  accessName: string
  accessType: 'shared' | 'app'
  cmc: Record<string, unknown>
  createdBy: string
  /** Tells a retried name apart when the first one is taken (the accept event's id). */
  nameSuffixSource?: string
}

function isNameClash(err: unknown): boolean {
  return err instanceof ApiError && err.id === 'item-already-exists'
}

function createDataGrant(wanted: WantedRelationship, permissions: Permission[]): Access {
  const create = (name: string) =>
    insertAccess(
      wanted.recipient,
      {
        name,
        type: wanted.accessType,
        permissions,
        clientData: {
          cmc: {
            role: 'counterparty',
            counterparty: wanted.requesterIdentity,
            scopeStreamId: wanted.scopeStreamId,
            ...wanted.cmc,
          },
        },
      },
      wanted.createdBy,
    )
  try {
    return create(wanted.accessName)
  } catch (err) {
    if (!isNameClash(err) || !wanted.nameSuffixSource) throw err
  }
  try {
    return create(`${wanted.accessName} (${wanted.nameSuffixSource.slice(-8)})`)
  } catch (err) {
    if (!isNameClash(err)) throw err
    throw new TriggerFailed('cmc-handler-data-grant-name-conflict', {
      name: wanted.accessName,
      message: 'data-grant access name is already in use',
    })
  }
}

/**
 * What a completed accept leaves: chat and collectors streams on both
 * sides, the data grant on the recipient's account (with `contribute` on
 * those streams and `create-only` on its inbox so the peer can write back),
 * the accept in the requester's inbox and the back-channel in the recipient's.
 */
export function establishRelationship(
  platform: Platform,
  wanted: WantedRelationship,
): { dataGrant: Access; relationship: Relationship } {
  const recipientIdentity = identityOn(platform, wanted.recipient.username)
  const recipientStreamId = collectorsStreamUnder(wanted.scopeStreamId, wanted.requesterIdentity)
  const recipientChat = chatStreamUnder(wanted.scopeStreamId, wanted.requesterIdentity)
  ensureAppStreamChain(wanted.recipient, recipientChat)
  ensureAppStreamChain(wanted.recipient, recipientStreamId)
  const dataGrant = createDataGrant(wanted, [
    ...wanted.permissions,
    { streamId: cmcInbox, level: 'create-only' },
    { streamId: recipientChat, level: 'contribute' },
    { streamId: recipientStreamId, level: 'contribute' },
  ])
  const requesterStreamId = collectorsStreamUnder(wanted.scopeStreamId, recipientIdentity)
  ensureAppStreamChain(wanted.requester, chatStreamUnder(wanted.scopeStreamId, recipientIdentity))
  ensureAppStreamChain(wanted.requester, requesterStreamId)
  const relationship: Relationship = {
    requester: wanted.requester.username,
    recipient: wanted.recipient.username,
    requesterStreamId,
    recipientStreamId,
    dataGrantAccessId: dataGrant.id,
  }
  cmcRecords(platform.state).relationships.push(relationship)
  storeEvent(
    platform.state,
    wanted.requester.username,
    {
      streamIds: [cmcInbox],
      type: 'consent/accept-cmc',
      content: {
        from: recipientIdentity,
        capabilityId: wanted.cmc.capabilityId ?? null,
        offerEventId: wanted.cmc.offerEventId ?? null,
        grantedAccess: { apiEndpoint: apiEndpoint(platform.config, wanted.recipient.username, dataGrant.token) },
        features: wanted.cmc.features ?? null,
      },
    },
    'system',
  )
  storeEvent(
    platform.state,
    wanted.recipient.username,
    {
      streamIds: [cmcInbox],
      type: 'consent/back-channel-cmc',
      content: {
        from: wanted.requesterIdentity,
        dataGrantAccessId: dataGrant.id,
        collectorsStreamId: requesterStreamId,
      },
    },
    'system',
  )
  return { dataGrant, relationship }
}
