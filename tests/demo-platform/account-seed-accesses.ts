import { integrityOf } from './access-records.ts'
import { accountSeed } from './account-seed.ts'
import { chatStreamUnder, collectorsStreamUnder, type Identity } from './cmc-relationship.ts'
import { addInternalStream, cmcApps, cmcInbox, ensureAppStreamChain } from './cmc-streams.ts'
import { newId } from './ids.ts'
import type { Access, PersonalAccess, Permission, StoredAccess, User } from './model.ts'
import { oauthGrantShape } from './oauth-grant.ts'

export const hour = 3600
export const day = 24 * hour

const ids = accountSeed.accessIds

/** What a seeded row is given; times are "seconds ago" from the reset (`expiresIn` counts forward). */
interface SeededGrant {
  id: string
  type: 'app' | 'shared'
  name: string
  permissions: Permission[]
  createdBy: string
  createdAgo: number
  lastUsedAgo?: number
  expiresIn?: number
  deviceName?: string
  clientData?: Record<string, unknown>
}

function grantRow(now: number, seeded: SeededGrant): Access {
  const { createdAgo, lastUsedAgo, expiresIn, ...fields } = seeded
  const created = now - createdAgo
  const record: Omit<Access, 'integrity'> = {
    ...fields,
    token: newId(),
    created,
    modified: created,
    modifiedBy: seeded.createdBy,
  }
  if (expiresIn !== undefined) record.expires = now + expiresIn
  const access: Access = { ...record, integrity: integrityOf(record) }
  if (lastUsedAgo !== undefined) access.lastUsed = now - lastUsedAgo
  return access
}

function personalRow(now: number, id: string, appId: string, createdAgo: number, lastUsedAgo: number): PersonalAccess {
  const record: Omit<PersonalAccess, 'integrity'> = {
    id,
    token: newId(),
    type: 'personal',
    name: appId,
    created: now - createdAgo,
    createdBy: 'system',
    modified: now - lastUsedAgo,
    modifiedBy: 'system',
  }
  return { ...record, integrity: integrityOf(record), lastUsed: now - lastUsedAgo }
}

const oauthSessionPermissions: Permission[] = [
  { streamId: 'sleep', level: 'read' },
  { feature: 'selfRevoke', setting: 'allowed' },
]

/** The OAuth client's session tokens: two made minutes ago (an hour to live), one that expired 2 days ago. */
function oauthSessions(now: number): Access[] {
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
function cmcGrant(now: number, user: User, requester: Identity): Access {
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
function cmcCapability(now: number, user: User): Access {
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

/** Every access of the seeded account, personal rows first, then the others by creation. */
export function seededAccesses(now: number, user: User, host: string): StoredAccess[] {
  const oauth = oauthGrantShape(host, {
    clientId: accountSeed.oauthClientId,
    offerName: 'share',
    offerEventId: 'cdemoeventshare000000000001',
  })
  ensureAppStreamChain(user, oauth.scopeStreamId)
  const grants: Access[] = [
    grantRow(now, {
      id: ids.appExpired,
      type: 'app',
      name: accountSeed.names.appExpired,
      permissions: [{ streamId: 'health-weight', level: 'contribute' }],
      createdBy: ids.personalWeb,
      createdAgo: 120 * day,
      lastUsedAgo: 6 * day,
      expiresIn: -5 * day,
    }),
    grantRow(now, {
      id: ids.appBackup,
      type: 'app',
      name: accountSeed.names.appBackup,
      permissions: [
        { streamId: '*', level: 'read' },
        { feature: 'selfRevoke', setting: 'forbidden' },
      ],
      createdBy: ids.personalWeb,
      createdAgo: 55 * day,
      lastUsedAgo: 10 * day,
    }),
    grantRow(now, {
      id: ids.appDiary,
      type: 'app',
      name: accountSeed.names.appDiary,
      permissions: [
        { streamId: 'diary', level: 'contribute' },
        { streamId: 'health-bp', level: 'read' },
      ],
      clientData: { 'app-web-auth:description': { content: accountSeed.diaryDescription } },
      createdBy: ids.personalWeb,
      createdAgo: 40 * day,
      lastUsedAgo: 2 * hour,
    }),
    grantRow(now, {
      id: ids.diaryShare,
      type: 'shared',
      name: accountSeed.names.diaryShare,
      permissions: [{ streamId: 'diary', level: 'read' }],
      createdBy: ids.appDiary,
      createdAgo: 35 * day,
      lastUsedAgo: 3 * day,
    }),
    cmcGrant(now, user, { username: accountSeed.cmcRequester, host }),
    grantRow(now, {
      id: ids.oauthGrant,
      type: 'shared',
      name: oauth.name,
      permissions: [{ streamId: 'sleep', level: 'read' }],
      clientData: { cmc: oauth.cmc },
      createdBy: ids.personalWeb,
      createdAgo: 20 * day,
      lastUsedAgo: 5 * day,
    }),
    grantRow(now, {
      id: ids.sharedLink,
      type: 'shared',
      name: accountSeed.names.sharedLink,
      permissions: [{ streamId: 'health', level: 'read' }],
      createdBy: ids.personalWeb,
      createdAgo: 15 * day,
      lastUsedAgo: 6 * day,
      expiresIn: 30 * day,
    }),
    cmcCapability(now, user),
    ...oauthSessions(now),
  ]
  return [
    personalRow(now, ids.personalWeb, accountSeed.appIds.web, 60 * day, 3 * day),
    personalRow(now, ids.personalMobile, accountSeed.appIds.mobile, 50 * day, day),
    ...grants,
  ]
}
