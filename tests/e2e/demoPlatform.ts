import type { AuditEntry, CmcRevocation } from '../demo-platform/model.ts'
import { appUrl, platformUrl } from './urls'

/** The account the account-area pages are tested on: credentials, fixed access ids, names (see the demo platform's seed). */
export { accountSeed } from '../demo-platform/account-seed.ts'
export type { AuditEntry, CmcRevocation }

export interface AuthRequestCreated {
  key: string
  authUrl: string
  poll: string
}

export interface DemoAccess {
  id: string
  token: string
  name: string
  /** `personal` for the access a login keeps per app id (it has no permissions). */
  type: 'personal' | 'app' | 'shared'
  permissions?: Array<Record<string, unknown>>
  clientData?: Record<string, unknown>
  created: number
  createdBy: string
  expires?: number
  lastUsed?: number
  deleted?: number
}

export interface DemoWebhook {
  id: string
  accessId: string
  url: string
  deleted?: number
}

export interface DemoUser {
  username: string
  email: string
  language: string
  /** What the registering app sent (absent for seeded accounts). */
  hosting?: string
  appId?: string
  referer?: string
  mfa: boolean
  /** Personal sessions not logged out (nor expired). */
  openSessions: number
  streams: Array<{ id: string; name: string }>
  accesses: DemoAccess[]
  webhooks: DemoWebhook[]
}

export interface Mail {
  username: string
  email: string
  resetToken: string
  /** The reset page link the mail carries. */
  url: string
}

export interface FaultRule {
  method?: string
  path: string
  times?: number
  status?: number
  body?: unknown
  nonJson?: boolean
  reset?: boolean
  delayMs?: number
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(platformUrl + path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return (text ? JSON.parse(text) : {}) as T
}

/** The demo platform's control API and the calls a third-party app makes. */
export const demoPlatform = {
  reset: () => call<unknown>('POST', '/_demo/reset'),

  /** What a third-party app does first: POST {access} with its auth request. */
  createAuthRequest: (overrides: Record<string, unknown> = {}) =>
    call<AuthRequestCreated>('POST', '/reg/access', {
      requestingAppId: 'test-app',
      requestedPermissions: [{ streamId: 'diary', level: 'read', defaultName: 'Diary' }],
      languageCode: 'en',
      ...overrides,
    }),

  async pollState(poll: string): Promise<Record<string, unknown>> {
    const response = await fetch(poll)
    return (await response.json()) as Record<string, unknown>
  },

  async postPoll(poll: string, body: Record<string, unknown>): Promise<void> {
    await fetch(poll, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  },

  async pollHistory(key: string): Promise<Array<Record<string, unknown>>> {
    const state = await call<{ authRequests: Record<string, { history: Array<Record<string, unknown>> }> }>(
      'GET',
      '/_demo/state',
    )
    return state.authRequests[key]?.history ?? []
  },

  async user(username: string): Promise<DemoUser> {
    const state = await call<{ users: DemoUser[] }>('GET', '/_demo/state')
    const user = state.users.find((candidate) => candidate.username === username)
    if (!user) throw new Error(`no demo user ${username}`)
    return user
  },

  async liveAccesses(username: string, appId: string): Promise<DemoAccess[]> {
    const user = await demoPlatform.user(username)
    return user.accesses.filter((access) => access.name === appId && !access.deleted)
  },

  seedAccess: (username: string, access: Record<string, unknown>) =>
    call<DemoAccess>('POST', `/_demo/users/${username}/accesses`, { type: 'app', ...access }),

  async lastSmsCode(username: string): Promise<string> {
    const sms = await call<Array<{ username: string; code: string }>>('GET', '/_demo/sms')
    const code = sms.filter((item) => item.username === username).at(-1)?.code
    if (!code) throw new Error(`no SMS for ${username}`)
    return code
  },

  async smsCount(username: string): Promise<number> {
    const sms = await call<Array<{ username: string }>>('GET', '/_demo/sms')
    return sms.filter((item) => item.username === username).length
  },

  mails: () => call<Mail[]>('GET', '/_demo/mails'),

  /** Every personal and MFA token the platform handed out, live or not. */
  tokens: () => call<Array<{ kind: 'personal' | 'mfa'; username: string; token: string }>>('GET', '/_demo/tokens'),

  state: () => call<{ users: DemoUser[] }>('GET', '/_demo/state'),

  /** Whether this password opens the account now (an MFA account answers with its challenge): a login as our page makes it. */
  async passwordWorks(username: string, password: string): Promise<boolean> {
    const response = await fetch(`${platformUrl}/${username}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: appUrl },
      body: JSON.stringify({ username, password, appId: 'pryv-app-web-auth-3' }),
    })
    if (response.status === 401) return false
    if (!response.ok) throw new Error(`login answered ${response.status}`)
    return true
  },

  faults: (rules: FaultRule[], latencyMs = 0) => call<unknown>('POST', '/_demo/faults', { rules, latencyMs }),

  expire: (key: string) => call<unknown>('POST', `/_demo/auth-requests/${key}/expire`),

  requests: () => call<Array<{ method: string; path: string; origin: string | null }>>('GET', '/_demo/requests'),

  async usernames(): Promise<string[]> {
    const state = await call<{ users: DemoUser[] }>('GET', '/_demo/state')
    return state.users.map((user) => user.username)
  },

  /** True when this password signs the user in (as our pages do, from the app's origin). */
  async canSignIn(username: string, password: string): Promise<boolean> {
    const response = await fetch(`${platformUrl}/${username}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: appUrl },
      body: JSON.stringify({ username, password, appId: 'test-e2e' }),
    })
    return response.status === 200
  },

  /** Ends the user's sessions (or those of one app id) at once, as if they had run out: their tokens are then refused. */
  expireSessions: (username: string, appId?: string) =>
    call<{ expired: number }>('POST', `/_demo/users/${username}/sessions/expire`, appId === undefined ? {} : { appId }),

  /** The user's whole audit log, oldest first. */
  /** The platform's `user-account.delete`: `['adminToken']` by default (and after a reset), `personalToken` added lets accounts delete themselves. */
  allowAccountDeletion: (allowed: Array<'adminToken' | 'personalToken'>) =>
    call<{ allowed: string[] }>('POST', '/_demo/account-deletion', { allowed }),

  audit: (username: string) => call<AuditEntry[]>('GET', `/_demo/users/${username}/audit`),

  /** What deletions of CMC data grants told their requesters. */
  cmcRevocations: () => call<CmcRevocation[]>('GET', '/_demo/cmc-revocations'),

  /** The user's webhooks, deleted ones included (with `deleted`). */
  async webhooks(username: string): Promise<DemoWebhook[]> {
    return (await demoPlatform.user(username)).webhooks
  },

  /** True when the platform refuses this token on the user's account (`access-info` answers 403). */
  async tokenRefused(username: string, token: string): Promise<boolean> {
    const response = await fetch(`${platformUrl}/${username}/access-info`, { headers: { Authorization: token } })
    return response.status === 403
  },

  /** Replaces what GET {register}hostings answers until the next reset. */
  setHostings: (tree: { regions: Record<string, unknown> }) => call<unknown>('PUT', '/_demo/hostings', tree),
}
