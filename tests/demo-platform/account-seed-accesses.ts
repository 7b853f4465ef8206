import { cmcCapability, cmcGrant, oauthSessions } from './account-seed-consents.ts'
import { day, grantRow, hour, personalRow } from './account-seed-rows.ts'
import { accountSeed } from './account-seed.ts'
import { ensureAppStreamChain } from './cmc-streams.ts'
import type { Access, StoredAccess, User } from './model.ts'
import { oauthGrantShape } from './oauth-grant.ts'

const ids = accountSeed.accessIds

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
