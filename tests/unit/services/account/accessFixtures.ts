import type { AccessRecord } from '@/services/account/accessRecords'

/** Accesses of every kind an account holds, as the account area keeps them (times in seconds, now = 2_000_000_000). */
export const now = 2_000_000_000

export const records = {
  ownSession: { id: 'p-web', type: 'personal', name: 'pryv-app-web-auth-3', permissions: [], createdBy: 'system' },
  mobileSession: {
    id: 'p-mobile',
    type: 'personal',
    name: 'pryv-mobile-app',
    permissions: [],
    createdBy: 'system',
    lastUsed: now - 86400,
  },
  diaryApp: {
    id: 'app-diary',
    type: 'app',
    name: 'diary-app',
    permissions: [{ streamId: 'diary', level: 'contribute' }],
    createdBy: 'p-web',
    created: now - 40 * 86400,
    lastUsed: now - 7200,
  },
  diaryShare: {
    id: 'share-diary',
    type: 'shared',
    name: 'diary-share-with-doctor',
    permissions: [{ streamId: 'diary', level: 'read' }],
    createdBy: 'app-diary',
  },
  diaryShareExpired: {
    id: 'share-diary-old',
    type: 'shared',
    name: 'old-share',
    permissions: [],
    createdBy: 'app-diary',
    expires: now - 10,
  },
  grandChild: { id: 'share-grand', type: 'shared', name: 'grand', permissions: [], createdBy: 'share-diary' },
  oauthGrant: {
    id: 'oauth-grant',
    type: 'shared',
    name: 'cmc:sleep:acme-sleep@pryv.example',
    permissions: [{ streamId: 'sleep', level: 'read' }],
    createdBy: 'p-web',
    cmc: {
      role: 'counterparty',
      counterparty: { username: 'acme', host: 'pryv.example' },
      scopeStreamId: ':_cmc:apps:oauth:acme-sleep',
    },
  },
  oauthSession1: {
    id: 'oauth-1',
    type: 'app',
    name: 'oauth:acme-sleep',
    deviceName: 'oauth-session-a',
    permissions: [{ streamId: 'sleep', level: 'read' }],
    createdBy: 'p-web',
    expires: now + 3600,
    lastUsed: now - 60,
  },
  oauthSession2: {
    id: 'oauth-2',
    type: 'app',
    name: 'oauth:acme-sleep',
    deviceName: 'oauth-session-b',
    permissions: [],
    createdBy: 'p-web',
    expires: now - 2 * 86400,
  },
  cmcGrant: {
    id: 'cmc-grant',
    type: 'shared',
    name: 'cmc:demo-study:demo-study@pryv.example',
    permissions: [
      { streamId: 'weight', level: 'read' },
      { streamId: ':_cmc:apps:demo-study:chats:x', level: 'contribute' },
    ],
    createdBy: 'p-web',
    cmc: { role: 'counterparty', counterparty: { username: 'demo-study', host: 'pryv.example' } },
  },
  sharedLink: {
    id: 'link',
    type: 'shared',
    name: 'For my physiotherapist',
    permissions: [{ streamId: 'health', level: 'read' }],
    createdBy: 'p-web',
    expires: now + 30 * 86400,
  },
  expiredApp: { id: 'app-old', type: 'app', name: 'old-fitness-app', permissions: [], expires: now - 5 * 86400 },
  invitation: { id: 'cap', type: 'shared', name: '__cmc-cap-ab12cd34', permissions: [], cmc: { kind: 'capability' } },
} satisfies Record<string, AccessRecord>

export const allRecords: AccessRecord[] = Object.values(records)
