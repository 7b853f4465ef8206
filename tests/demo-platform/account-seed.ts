/**
 * The account the account-area pages are tested on, as `/_demo/reset`
 * restores it: constants only, so E2E specs import them as they are. Ids
 * are fixed; tokens are new at each reset (read them from `/_demo/state`).
 */

const accessIds = {
  /** Personal access of the pages' own app id: their sign-in reuses it (no live session at reset). */
  personalWeb: 'seed-personal-web',
  /** Personal access of a mobile app, with a live session. */
  personalMobile: 'seed-personal-mobile',
  /** A classic app with a description, a sub-access and a webhook. */
  appDiary: 'seed-app-diary',
  /** The shared access `seed-app-diary` created: deleted with it. */
  diaryShare: 'seed-diary-share',
  /** Reads everything; may not revoke itself. */
  appBackup: 'seed-app-backup',
  /** The OAuth client's data grant (the consent itself). */
  oauthGrant: 'seed-oauth-grant',
  /** The OAuth client's session tokens: two live, the third expired. */
  oauthSessions: ['seed-oauth-session-1', 'seed-oauth-session-2', 'seed-oauth-session-3'],
  /** A CMC data grant to `demo-study`. */
  cmcGrant: 'seed-cmc-grant',
  /** A link the person shared, expiring in 30 days. */
  sharedLink: 'seed-shared-link',
  /** An app whose access expired 5 days ago. */
  appExpired: 'seed-app-expired',
  /** An open CMC invitation the person published (requester side). */
  cmcCapability: 'seed-cmc-capability',
} as const

export const accountSeed = {
  username: 'account-user',
  password: 'account-password-1',
  email: 'account-user@example.com',
  language: 'en',
  /** The app ids behind the personal accesses; the web one is the pages' own (`VITE_APP_ID`). */
  appIds: { web: 'pryv-app-web-auth-3', mobile: 'pryv-mobile-app' },
  accessIds,
  names: {
    appDiary: 'diary-app',
    diaryShare: 'diary-share-with-doctor',
    appBackup: 'backup-tool',
    sharedLink: 'For my physiotherapist',
    appExpired: 'old-fitness-app',
    cmcCapability: '__cmc-cap-ab12cd34',
  },
  /** `clientData['app-web-auth:description'].content` of `seed-app-diary` (Markdown). */
  diaryDescription: '**Diary** keeps your notes. [Privacy policy](https://example.com/privacy)',
  webhook: { id: 'seed-webhook-diary', accessId: accessIds.appDiary, url: 'https://hooks.example.com/diary' },
  /** A client the demo's OAuth emulation registers: its app account is the grant's counterparty. */
  oauthClientId: 'demo-health-study',
  /** The demo account that requested the CMC grant; told when the grant is deleted. */
  cmcRequester: 'demo-study',
  /** Stream id → name (names differ from ids, so a page showing ids is caught). */
  streams: {
    diary: 'Diary',
    health: 'Health',
    'health-bp': 'Blood pressure',
    'health-weight': 'Weight',
    sleep: 'Sleep',
  },
  /** Markup some audit entries carry in `content.query` or `content.message`: to be shown as text. */
  auditMarkup: ['<img src=x onerror=alert(1)>', '<script>alert("audit")</script>'],
  /** About this many audit entries over the last 60 days, about 5 % of them errors. */
  auditSize: 400,
} as const
