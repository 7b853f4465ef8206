import { grantRow, hour, day } from './account-seed-rows.ts'
import { accountSeed } from './account-seed.ts'
import { chatStreamUnder, collectorsStreamUnder, type Identity } from './cmc-relationship.ts'
import { addInternalStream, cmcApps, cmcInbox, ensureAppStreamChain } from './cmc-streams.ts'
import type { Access, Permission, User } from './model.ts'

// The seeded account's accesses that consents left: OAuth session tokens, a CMC data grant, an open invitation.

const ids = accountSeed.accessIds

const oauthSessionPermissions: Permission[] = [
  { streamId: 'sleep', level: 'read' },
  { feature: 'selfRevoke', setting: 'allowed' },
]

/** The OAuth client's session tokens: two made minutes ago (an hour to live), one that expired 2 days ago. */
export function oauthSessions(now: number): Access[] {
  const lives = [
    { createdAgo: 5 * 60, expiresIn: hour - 5 * 60 },
    { createdAgo: 2 * 60, expiresIn: hour - 2 * 60 },
    { createdAgo: 2 * day + hour, expiresIn: -2 * day },
  ]
  return ids.oauthSessions.map((id, index) => {
    const life = lives[index] ?? { createdAgo: 0, expiresIn: hour }
    return grantRow(now, {
      id,
      type: 'app',
      name: `oauth:${accountSeed.oauthClientId}`,
      deviceName: `oauth-session-seed-${index + 1}`,
      permissions: oauthSessionPermissions,
      createdBy: ids.personalWeb,
      createdAgo: life.createdAgo,
      lastUsedAgo: life.createdAgo - 60,
      expiresIn: life.expiresIn,
    })
  })
}

/** The CMC data grant `demo-study` holds: the person's data, plus the plugin's chat and collectors streams. */
export function cmcGrant(now: number, user: User, requester: Identity): Access {
  const scopeStreamId = `${cmcApps}:${accountSeed.cmcRequester}`
  const chat = chatStreamUnder(scopeStreamId, requester)
  const collectors = collectorsStreamUnder(scopeStreamId, requester)
  ensureAppStreamChain(user, chat)
  ensureAppStreamChain(user, collectors)
  return grantRow(now, {
    id: ids.cmcGrant,
    type: 'shared',
    name: `cmc:${accountSeed.cmcRequester}:${requester.username}@${requester.host}`,
    permissions: [
      { streamId: 'health-weight', level: 'read' },
      { streamId: cmcInbox, level: 'create-only' },
      { streamId: chat, level: 'contribute' },
      { streamId: collectors, level: 'contribute' },
    ],
    clientData: {
      cmc: {
        role: 'counterparty',
        counterparty: requester,
        scopeStreamId,
        appCode: accountSeed.cmcRequester,
        offerEventId: 'cseedcmcoffer000000000001',
        acceptEventId: 'cseedcmcaccept00000000001',
      },
    },
    createdBy: ids.personalWeb,
    createdAgo: 25 * day,
    lastUsedAgo: 4 * day,
  })
}

const capabilityId = 'ab12cd34seedcapability001'

/** An open invitation the person published: the plugin's capability access, reading only its offer copy. */
export function cmcCapability(now: number, user: User): Access {
  const offer = addInternalStream(user, `offer:${capabilityId}`)
  const responses = addInternalStream(user, `responses:${capabilityId}`)
  return grantRow(now, {
    id: ids.cmcCapability,
    type: 'shared',
    name: accountSeed.names.cmcCapability,
    permissions: [
      { streamId: offer, level: 'read' },
      { streamId: responses, level: 'create-only' },
    ],
    clientData: {
      cmc: {
        kind: 'capability',
        capabilityId,
        requestEventId: 'cseedcmcrequest0000000001',
        capability: { mode: 'open-link', state: 'open', stateChangedAt: now - 3 * day },
        singleUse: false,
      },
    },
    createdBy: ids.personalWeb,
    createdAgo: 3 * day,
    expiresIn: 4 * day,
  })
}
