// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { accountSeed } from '../demo-platform/account-seed.ts'
import { demoPlatformForTests, type Answer, type Json } from './demoPlatformClient'

// What the account-area pages rely on, as open-pryv.io 2.0 answers it: personal accesses, logout,
// access-info, the access list and its revocation, webhooks, the audit store and events.get paging.

const { call, control, url: platformUrl } = demoPlatformForTests()

interface Access extends Json {
  id: string
  token: string
  type: string
  name: string
  deleted?: number
}
interface AuditEntry extends Json {
  id: string
  streamIds: string[]
  type: string
  time: number
  content: Json
}

const ids = accountSeed.accessIds
const diaryRead = [{ streamId: 'diary', level: 'read' }]
const sessionExpired = { id: 'invalid-access-token', message: 'Access session has expired.' }
const tokenUnknown = { id: 'invalid-access-token', message: 'Cannot find access from token.' }

async function login(appId = 'test-account', username = 'demo-user', password = 'demo-password-1'): Promise<string> {
  const answer = await call('POST', `/${username}/auth/login`, { username, password, appId })
  expect(answer.status).toBe(200)
  return String(answer.json.token)
}

const signInAccountUser = (appId: string = accountSeed.appIds.web) =>
  login(appId, accountSeed.username, accountSeed.password)

/** One method in a one-call batch, as `pryv`'s `apiOne` sends it. */
async function batchCall(username: string, token: string, method: string, params: unknown): Promise<Json> {
  const answer = await call('POST', `/${username}/`, [{ method, params }], token)
  return (answer.json.results as Json[])[0] ?? {}
}

async function stateUser(username: string): Promise<{ accesses: Access[]; webhooks: Json[] }> {
  const state = await control<{ users: Array<{ username: string; accesses: Access[]; webhooks: Json[] }> }>(
    'GET',
    '/state',
  )
  const user = state.users.find((candidate) => candidate.username === username)
  if (!user) throw new Error(`no user ${username}`)
  return user
}

async function tokenOf(username: string, accessId: string): Promise<string> {
  const access = (await stateUser(username)).accesses.find((candidate) => candidate.id === accessId)
  if (!access) throw new Error(`no access ${accessId}`)
  return access.token
}

const accountToken = (accessId: string) => tokenOf(accountSeed.username, accessId)
const errorOf = (answer: Answer) => [answer.status, answer.json.error]
const listed = async (path: string, token: string): Promise<Access[]> =>
  (await call('GET', path, undefined, token)).json.accesses as Access[]

describe('personal accesses and sessions', () => {
  it('keep one personal access per app id, whose token is the live session’s', async () => {
    const first = await login('test-app-a')
    expect(await login('test-app-a')).toBe(first)
    const other = await login('test-app-b')
    expect(other).not.toBe(first)
    const accesses = await listed('/demo-user/accesses', first)
    expect(accesses).toEqual([
      {
        id: expect.any(String),
        token: first,
        type: 'personal',
        name: 'test-app-a',
        created: expect.any(Number),
        createdBy: 'system',
        modified: expect.any(Number),
        modifiedBy: 'system',
        integrity: expect.stringMatching(/^ACCESS:0:sha256-/),
        lastUsed: expect.any(Number),
        apiEndpoint: `http://${first}@${new URL(platformUrl()).host}/demo-user/`,
      },
      expect.objectContaining({ type: 'personal', name: 'test-app-b', token: other }),
    ])
  })

  it('end one session at logout: the access stays listed and its token has expired', async () => {
    const token = await login('test-app-a')
    const other = await login('test-app-b')
    const rowId = (await listed('/demo-user/accesses', token))[0]?.id
    expect(await call('POST', '/demo-user/auth/logout', {}, token)).toMatchObject({ status: 200, json: {} })
    expect(errorOf(await call('GET', '/demo-user/access-info', undefined, token))).toEqual([403, sessionExpired])
    expect(errorOf(await call('POST', '/demo-user/auth/logout', {}, token))).toEqual([403, sessionExpired])
    expect((await call('POST', '/demo-user/auth/logout', {})).status).toBe(401)
    expect(await listed('/demo-user/accesses', other)).toContainEqual(
      expect.objectContaining({ id: rowId, name: 'test-app-a', token }),
    )
    const again = await login('test-app-a')
    expect(again).not.toBe(token)
    expect(await listed('/demo-user/accesses', other)).toContainEqual(
      expect.objectContaining({ id: rowId, token: again }),
    )
  })

  it('leave app tokens alone at logout', async () => {
    const app = await control<Access>('POST', '/users/demo-user/accesses', { name: 'test-app', permissions: diaryRead })
    expect(await call('POST', '/demo-user/auth/logout', {}, app.token)).toMatchObject({ status: 200, json: {} })
    expect((await call('GET', '/demo-user/access-info', undefined, app.token)).status).toBe(200)
  })

  it('expire, one app id or all of them, through the control API', async () => {
    const token = await login('test-app-a')
    const other = await login('test-app-b')
    expect(await control('POST', '/users/demo-user/sessions/expire', { appId: 'test-app-a' })).toEqual({ expired: 1 })
    expect(errorOf(await call('GET', '/demo-user/accesses', undefined, token))).toEqual([403, sessionExpired])
    expect((await call('GET', '/demo-user/access-info', undefined, other)).status).toBe(200)
    expect(await control('POST', '/users/demo-user/sessions/expire')).toEqual({ expired: 1 })
    expect(errorOf(await call('GET', '/demo-user/access-info', undefined, other))).toEqual([403, sessionExpired])
  })

  it('outlive their deleted access: the token is refused, and the next login brings it back on a new row', async () => {
    const token = await login('test-app-a')
    const other = await login('test-app-b')
    const row = (await listed('/demo-user/accesses', token)).find((access) => access.name === 'test-app-a')
    expect((await call('DELETE', `/demo-user/accesses/${String(row?.id)}`, undefined, other)).json).toEqual({
      accessDeletion: { id: row?.id },
      meta: expect.any(Object),
    })
    expect(errorOf(await call('GET', '/demo-user/access-info', undefined, token))).toEqual([403, tokenUnknown])
    expect(await login('test-app-a')).toBe(token)
    const info = (await call('GET', '/demo-user/access-info', undefined, token)).json
    expect(info).toMatchObject({ type: 'personal', name: 'test-app-a' })
    expect(info.id).not.toBe(row?.id)
  })

  it('are opened the same way by registration and by mfa/verify', async () => {
    const created = await call('POST', '/users', {
      appId: 'test-register',
      username: 'new-user-1',
      password: 'new-password-1',
      email: 'new-user-1@example.com',
      hosting: 'demo-hosting',
    })
    const registered = new URL(String(created.json.apiEndpoint)).username
    expect(await login('test-register', 'new-user-1', 'new-password-1')).toBe(registered)
    const mfa = await call('POST', '/mfa-user/auth/login', {
      username: 'mfa-user',
      password: 'mfa-password-1',
      appId: 'test-mfa',
    })
    const sms = await control<Array<{ code: string }>>('GET', '/sms')
    const headers = { 'Content-Type': 'application/json', Authorization: String(mfa.json.mfaToken) }
    const verified = await fetch(`${platformUrl()}/mfa-user/mfa/verify`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ code: sms.at(-1)?.code }),
    })
    const { token } = (await verified.json()) as { token: string }
    expect((await call('GET', '/mfa-user/access-info', undefined, token)).json).toMatchObject({
      type: 'personal',
      name: 'test-mfa',
    })
  })
})

describe('access-info', () => {
  it('shows a personal token its access, without permissions', async () => {
    const token = await login('test-app-a')
    const { json } = await call('GET', '/demo-user/access-info', undefined, token)
    expect(json).toEqual({
      type: 'personal',
      name: 'test-app-a',
      id: expect.any(String),
      token,
      created: expect.any(Number),
      createdBy: 'system',
      modified: expect.any(Number),
      lastUsed: expect.any(Number),
      user: { username: 'demo-user' },
      meta: expect.any(Object),
    })
  })

  it('adds the platform’s own entries to every app or shared token', async () => {
    for (const accessId of [ids.appBackup, ids.sharedLink]) {
      const { json } = await call(
        'GET',
        `/${accountSeed.username}/access-info`,
        undefined,
        await accountToken(accessId),
      )
      expect(json.id).toBe(accessId)
      expect(json.permissions).toEqual(
        expect.arrayContaining([
          { streamId: ':_system:account', level: 'none' },
          { streamId: `:_audit:access-${accessId}`, level: 'read' },
        ]),
      )
    }
    const personal = await signInAccountUser()
    const listedBackup = (await listed(`/${accountSeed.username}/accesses`, personal)).find(
      (access) => access.id === ids.appBackup,
    )
    expect(listedBackup?.permissions).toEqual([
      { streamId: '*', level: 'read' },
      { feature: 'selfRevoke', setting: 'forbidden' },
    ])
  })

  it('marks an access used from its first call on', async () => {
    const app = await control<Access>('POST', '/users/demo-user/accesses', { name: 'test-app', permissions: diaryRead })
    const lastUsed = async () =>
      (await stateUser('demo-user')).accesses.find((access) => access.id === app.id)?.lastUsed as number | undefined
    expect(await lastUsed()).toBeUndefined()
    const before = Date.now() / 1000
    await call('GET', '/demo-user/streams', undefined, app.token)
    expect(await lastUsed()).toBeGreaterThanOrEqual(before)
  })
})

describe('accesses.get', () => {
  it('leaves expired accesses out unless asked, in REST and batch calls alike', async () => {
    const token = await signInAccountUser()
    const path = `/${accountSeed.username}/accesses`
    const live = (await listed(path, token)).map((access) => access.id)
    expect(live).not.toContain(ids.appExpired)
    expect(live).not.toContain(ids.oauthSessions[2])
    expect(live).toContain(ids.personalWeb)
    const all = (await listed(`${path}?includeExpired=true`, token)).map((access) => access.id)
    expect(all).toEqual(expect.arrayContaining([...live, ids.appExpired, ids.oauthSessions[2]]))
    const batch = await batchCall(accountSeed.username, token, 'accesses.get', { includeExpired: true })
    expect((batch.accesses as Access[]).map((access) => access.id)).toEqual(all)
    expect(errorOf(await call('GET', `${path}?includeExpired=yes`, undefined, token))[1]).toMatchObject({
      id: 'invalid-parameters-format',
    })
  })

  it('adds deletions, tokens and token-bearing endpoints included, when asked', async () => {
    const token = await signInAccountUser()
    const linkToken = await accountToken(ids.sharedLink)
    await call('DELETE', `/${accountSeed.username}/accesses/${ids.sharedLink}`, undefined, token)
    const plain = (await call('GET', `/${accountSeed.username}/accesses`, undefined, token)).json
    expect(plain).not.toHaveProperty('accessDeletions')
    const { json } = await call('GET', `/${accountSeed.username}/accesses?includeDeletions=true`, undefined, token)
    expect(json.accessDeletions).toEqual([
      expect.objectContaining({
        id: ids.sharedLink,
        token: linkToken,
        apiEndpoint: expect.stringContaining(`//${linkToken}@`),
        deleted: expect.any(Number),
      }),
    ])
  })

  it('shows an app token what it created, and refuses shared tokens', async () => {
    const app = await accountToken(ids.appDiary)
    expect((await listed(`/${accountSeed.username}/accesses`, app)).map((access) => access.id)).toEqual([
      ids.diaryShare,
    ])
    const shared = await call('GET', `/${accountSeed.username}/accesses`, undefined, await accountToken(ids.diaryShare))
    expect(errorOf(shared)).toEqual([
      403,
      { id: 'forbidden', message: 'You cannot access accesses.get resource using the given access' },
    ])
  })
})

describe('accesses.delete', () => {
  it('takes what an app created and every webhook with it', async () => {
    const token = await signInAccountUser()
    const tokens = [await accountToken(ids.appDiary), await accountToken(ids.diaryShare)]
    const answer = await call('DELETE', `/${accountSeed.username}/accesses/${ids.appDiary}`, undefined, token)
    expect(answer.json).toEqual({
      accessDeletion: { id: ids.appDiary },
      relatedDeletions: [{ id: ids.diaryShare }],
      meta: expect.any(Object),
    })
    for (const refused of tokens)
      expect(errorOf(await call('GET', `/${accountSeed.username}/access-info`, undefined, refused))).toEqual([
        403,
        tokenUnknown,
      ])
    expect((await call('GET', `/${accountSeed.username}/webhooks`, undefined, token)).json.webhooks).toEqual([])
    expect((await stateUser(accountSeed.username)).webhooks).toEqual([
      expect.objectContaining({ id: accountSeed.webhook.id, deleted: expect.any(Number) }),
    ])
  })

  it('answers the platform’s errors, and lets apps delete themselves and what they created', async () => {
    const del = async (id: string, accessId: string) =>
      call('DELETE', `/${accountSeed.username}/accesses/${id}`, undefined, await accountToken(accessId))
    const insufficient = {
      id: 'forbidden',
      message: 'Your access token has insufficient permissions to delete this access.',
    }
    expect(errorOf(await del('nope', ids.appDiary))).toEqual([
      404,
      { id: 'unknown-resource', message: 'Unknown access "nope"' },
    ])
    expect(errorOf(await del(ids.appBackup, ids.appBackup))).toEqual([403, insufficient])
    expect(errorOf(await del(ids.appDiary, ids.diaryShare))).toEqual([403, insufficient])
    expect(errorOf(await del(ids.sharedLink, ids.appDiary))).toEqual([403, insufficient])
    expect((await del(ids.diaryShare, ids.appDiary)).status).toBe(200)
    expect((await del(ids.oauthSessions[0], ids.oauthSessions[0])).status).toBe(200)
    expect((await del(ids.sharedLink, ids.sharedLink)).status).toBe(200)
  })

  it('tells the requester of a CMC data grant, when it lives on this platform', async () => {
    const token = await signInAccountUser()
    await call('DELETE', `/${accountSeed.username}/accesses/${ids.cmcGrant}`, undefined, token)
    await call('DELETE', `/${accountSeed.username}/accesses/${ids.oauthGrant}`, undefined, token)
    const host = new URL(platformUrl()).host
    const revocations = await control<Json[]>('GET', '/cmc-revocations')
    expect(revocations).toEqual([
      {
        username: accountSeed.username,
        accessId: ids.cmcGrant,
        requester: { username: accountSeed.cmcRequester, host },
        delivered: true,
        eventId: expect.any(String),
        content: {
          accessId: ids.cmcGrant,
          appCode: accountSeed.cmcRequester,
          offerEventId: expect.any(String),
          acceptEventId: expect.any(String),
          scopeStreamId: `:_cmc:apps:${accountSeed.cmcRequester}`,
        },
        time: expect.any(Number),
      },
      expect.objectContaining({
        accessId: ids.oauthGrant,
        requester: { username: accountSeed.oauthClientId, host },
        delivered: false,
        eventId: null,
      }),
    ])
    const requester = await login('test-cmc', 'demo-study', 'demo-study-password-1')
    const inbox = await call('GET', '/demo-study/events?streams[]=:_cmc:inbox', undefined, requester)
    expect(inbox.json.events).toContainEqual(
      expect.objectContaining({ id: revocations[0]?.eventId, type: 'consent/revoke-cmc' }),
    )
  })
})

describe('CMC capabilities', () => {
  it('are named and marked as the plugin does', async () => {
    const offer = await control<{ capabilityAccessId: string }>('POST', '/cmc/offers', {
      requester: 'demo-study',
      appScope: 'study',
      request: { permissions: [{ streamId: 'health', level: 'read', defaultName: 'Health' }] },
    })
    const access = (await stateUser('demo-study')).accesses.find((item) => item.id === offer.capabilityAccessId)
    expect(access).toMatchObject({
      type: 'shared',
      name: expect.stringMatching(/^__cmc-cap-[a-z0-9]{8}$/),
      clientData: { cmc: { kind: 'capability', singleUse: true, capability: { mode: 'single-use', state: 'open' } } },
    })
  })
})

describe('webhooks', () => {
  it('are made by app and shared tokens, once per URL, and listed by who may see them', async () => {
    const backup = await accountToken(ids.appBackup)
    const path = `/${accountSeed.username}/webhooks`
    const url = 'https://hooks.example.com/backup'
    const created = await call('POST', path, { url }, backup)
    expect(created.status).toBe(201)
    expect(created.json.webhook).toEqual({
      id: expect.any(String),
      accessId: ids.appBackup,
      url,
      state: 'active',
      runCount: 0,
      failCount: 0,
      lastRun: { status: 0, timestamp: 0 },
      runs: [],
      created: expect.any(Number),
      createdBy: ids.appBackup,
      modified: expect.any(Number),
      modifiedBy: ids.appBackup,
    })
    expect(errorOf(await call('POST', path, { url }, backup))[0]).toBe(409)
    expect(errorOf(await call('POST', path, { url: 'javascript:alert(1)' }, backup))[0]).toBe(400)
    const personal = await signInAccountUser()
    expect(errorOf(await call('POST', path, { url: 'https://hooks.example.com/me' }, personal))).toEqual([
      403,
      { id: 'forbidden', message: 'You cannot access webhooks.create resource using the given access' },
    ])
    const shared = await batchCall(accountSeed.username, await accountToken(ids.sharedLink), 'webhooks.create', {
      url: 'https://hooks.example.com/link',
    })
    expect(shared.webhook).toMatchObject({ accessId: ids.sharedLink })
    const urls = async (token: string) =>
      ((await call('GET', path, undefined, token)).json.webhooks as Json[]).map((webhook) => webhook.url)
    expect(await urls(backup)).toEqual([url])
    expect(await urls(personal)).toEqual([accountSeed.webhook.url, url, 'https://hooks.example.com/link'])
  })

  it('follow fault rules like every route', async () => {
    const token = await signInAccountUser()
    await control('POST', '/faults', { rules: [{ method: 'GET', path: '/webhooks$', status: 503 }] })
    expect((await call('GET', `/${accountSeed.username}/webhooks`, undefined, token)).status).toBe(503)
    expect((await call('GET', `/${accountSeed.username}/webhooks`, undefined, token)).status).toBe(200)
  })
})

describe('the audit log', () => {
  const audit = () => control<AuditEntry[]>('GET', '/users/demo-user/audit')
  const filed = (entry: AuditEntry) => [entry.streamIds[0], entry.streamIds[1], entry.type]

  it('files every call on the account under its access and its method', async () => {
    const failed = await call('POST', '/demo-user/auth/login', {
      username: 'demo-user',
      password: 'wrong-password',
      appId: 'test-app',
    })
    expect(failed.status).toBe(401)
    const token = await login('test-app')
    const personalId = String((await call('GET', '/demo-user/access-info', undefined, token)).json.id)
    await call('GET', '/demo-user/events?limit=5&streams[]=diary', undefined, token)
    await batchCall('demo-user', token, 'events.get', { limit: 1 })
    const app = await control<Access>('POST', '/users/demo-user/accesses', { name: 'test-app', permissions: diaryRead })
    await call('POST', '/demo-user/accesses/check-app', { requestingAppId: 'x', requestedPermissions: [] }, app.token)
    await call('GET', '/demo-user/streams', undefined, 'not-a-token')
    const entries = await audit()
    expect(entries.map(filed)).toEqual([
      [':_audit:access-invalid', ':_audit:action-auth.login', 'audit-log/pryv-api-error'],
      [':_audit:access-valid-password', ':_audit:action-auth.login', 'audit-log/pryv-api'],
      [`:_audit:access-${personalId}`, ':_audit:action-getAccessInfo', 'audit-log/pryv-api'],
      [`:_audit:access-${personalId}`, ':_audit:action-events.get', 'audit-log/pryv-api'],
      [`:_audit:access-${personalId}`, ':_audit:action-events.get', 'audit-log/pryv-api'],
      [`:_audit:access-${personalId}`, ':_audit:action-callBatch', 'audit-log/pryv-api'],
      [`:_audit:access-${app.id}`, ':_audit:action-accesses.checkApp', 'audit-log/pryv-api-error'],
      [':_audit:access-invalid', ':_audit:action-streams.get', 'audit-log/pryv-api-error'],
    ])
    expect(entries[0]?.content).toEqual({
      action: 'auth.login',
      query: {},
      source: { ip: '127.0.0.1', name: 'http' },
      id: 'invalid-credentials',
      message: 'The given username/password pair is invalid.',
    })
    expect(entries[3]?.content.query).toEqual({ limit: '5', streams: ['diary'] })
    expect(entries[4]?.content.query).toEqual({})
    expect(entries[6]?.content).toMatchObject({ id: 'forbidden' })
    expect(entries[3]).toMatchObject({ createdBy: 'system', modifiedBy: 'system', time: expect.any(Number) })
  })

  it('answers the whole log, whatever audit stream is asked for', async () => {
    const token = await signInAccountUser()
    const whole = await control<AuditEntry[]>('GET', `/users/${accountSeed.username}/audit`)
    const asked = async (query: string) =>
      (await call('GET', `/${accountSeed.username}/events?${query}`, undefined, token)).json.events as AuditEntry[]
    const limit = 'limit=10000'
    for (const streams of [
      `streams[]=:_audit:access-${ids.appBackup}`,
      `streams=${encodeURIComponent(JSON.stringify([`:_audit:access-${ids.appBackup}`]))}`,
      `streams=${encodeURIComponent(JSON.stringify({ any: [':_audit:action-events.create'] }))}`,
    ]) {
      const events = await asked(`${streams}&${limit}`)
      expect(events.length).toBeGreaterThanOrEqual(whole.length)
      expect(new Set(events.map((event) => event.streamIds[0])).size).toBeGreaterThan(5)
    }
    const batch = await batchCall(accountSeed.username, token, 'events.get', {
      streams: [`:_audit:access-${ids.appDiary}`],
      limit: 10000,
    })
    expect((batch.events as AuditEntry[]).length).toBeGreaterThanOrEqual(whole.length)
    const ordinary = (await call('GET', `/${accountSeed.username}/events?limit=10000`, undefined, token)).json
    expect((ordinary.events as AuditEntry[]).filter((event) => event.type.startsWith('audit-log/'))).toEqual([])
  })

  it('pages by time, types, skip, limit and sort', async () => {
    const token = await signInAccountUser()
    const stream = `streams[]=:_audit:access-${ids.appDiary}`
    const day = 24 * 3600
    /** The answer to the query, and what it should be: read from the log just before (each query adds to it). */
    const answers = async (query: string, expected: (newest: AuditEntry[]) => AuditEntry[]) => {
      const whole = await control<AuditEntry[]>('GET', `/users/${accountSeed.username}/audit`)
      const answer = await call('GET', `/${accountSeed.username}/events?${stream}&${query}`, undefined, token)
      const answered = (answer.json.events as AuditEntry[]).map((event) => event.id)
      expect(answered).toEqual(expected([...whole].sort((a, b) => b.time - a.time)).map((entry) => entry.id))
    }
    const within = (from: number, to: number) => (newest: AuditEntry[]) =>
      newest.filter((entry) => entry.time >= from && entry.time <= to)
    await answers('', (newest) => newest.slice(0, 20))
    await answers('limit=3&sortAscending=true', (newest) => [...newest].reverse().slice(0, 3))
    await answers('limit=3&skip=2', (newest) => newest.slice(2, 5))
    const seeded = await control<AuditEntry[]>('GET', `/users/${accountSeed.username}/audit`)
    const from = seeded.at(-100)?.time ?? 0
    const to = seeded.at(-50)?.time ?? 0
    await answers(`fromTime=${from}&toTime=${to}`, within(from, to))
    await answers(`toTime=${to}`, within(to - day, to))
    await answers(`fromTime=${from}`, within(from, Date.now() / 1000))
    await answers('types[]=audit-log/pryv-api-error&limit=1000', (newest) =>
      newest.filter((entry) => entry.type === 'audit-log/pryv-api-error'),
    )
  })

  it('lets an app read its own stream (and so everything), never another access’s', async () => {
    const backup = await accountToken(ids.appBackup)
    const own = await call(
      'GET',
      `/${accountSeed.username}/events?streams[]=:_audit:access-${ids.appBackup}&limit=1000`,
      undefined,
      backup,
    )
    const owners = new Set((own.json.events as AuditEntry[]).map((event) => event.streamIds[0]))
    expect(owners).toContain(`:_audit:access-${ids.appDiary}`)
    const other = await call(
      'GET',
      `/${accountSeed.username}/events?streams[]=:_audit:access-${ids.appDiary}`,
      undefined,
      backup,
    )
    expect(errorOf(other)).toEqual([
      403,
      { id: 'forbidden', message: `stream [access-${ids.appDiary}] has not sufficent permission to get events` },
    ])
  })
})

describe('events.get paging', () => {
  it('applies the platform’s defaults to ordinary events', async () => {
    const token = await login('test-app')
    const now = Date.now() / 1000
    const hour = 3600
    const times = [now - 72 * hour, now - 48 * hour, now - hour, now + hour]
    for (let index = 0; index < 21; index++) times.push(now - 2 * hour - index)
    for (const time of times)
      await call('POST', '/demo-user/events', { streamIds: ['diary'], type: 'note/txt', content: 'x', time }, token)
    const timesOf = async (query: string) =>
      ((await call('GET', `/demo-user/events?${query}`, undefined, token)).json.events as Json[]).map(
        (event) => event.time as number,
      )
    const newest = [...times].sort((a, b) => b - a)
    expect(await timesOf('')).toEqual(newest.slice(0, 20))
    expect(await timesOf('limit=100')).toEqual(newest)
    // A `fromTime` alone runs to now: the future event stays out.
    expect(await timesOf(`fromTime=${now - 60 * hour}`)).toEqual(newest.slice(1, -1))
    expect(await timesOf(`toTime=${now - 40 * hour}`)).toEqual([now - 48 * hour])
    expect(await timesOf('limit=2&skip=1&sortAscending=true')).toEqual([now - 48 * hour, newest.at(-3)])
  })
})

describe('the seeded account', () => {
  it('has every kind of access, with fixed ids', async () => {
    const { accesses } = await stateUser(accountSeed.username)
    const byId = new Map(accesses.map((access) => [access.id, access]))
    const host = new URL(platformUrl()).host
    expect(byId.get(ids.personalWeb)).toMatchObject({ type: 'personal', name: accountSeed.appIds.web })
    expect(byId.get(ids.personalMobile)).toMatchObject({ type: 'personal', name: accountSeed.appIds.mobile })
    expect(byId.get(ids.appDiary)).toMatchObject({
      type: 'app',
      name: accountSeed.names.appDiary,
      createdBy: ids.personalWeb,
      clientData: { 'app-web-auth:description': { content: accountSeed.diaryDescription } },
    })
    expect(byId.get(ids.diaryShare)).toMatchObject({ type: 'shared', createdBy: ids.appDiary })
    expect(byId.get(ids.oauthGrant)).toMatchObject({
      type: 'shared',
      name: `cmc:share:${accountSeed.oauthClientId}@${host}`,
      permissions: [{ streamId: 'sleep', level: 'read' }],
      clientData: {
        cmc: {
          role: 'counterparty',
          counterparty: { username: accountSeed.oauthClientId, host },
          scopeStreamId: `:_cmc:apps:oauth:${accountSeed.oauthClientId}`,
        },
      },
    })
    for (const id of ids.oauthSessions)
      expect(byId.get(id)).toMatchObject({ type: 'app', name: `oauth:${accountSeed.oauthClientId}` })
    expect(byId.get(ids.cmcGrant)).toMatchObject({
      type: 'shared',
      name: `cmc:demo-study:demo-study@${host}`,
      clientData: { cmc: { role: 'counterparty', appCode: 'demo-study', scopeStreamId: ':_cmc:apps:demo-study' } },
    })
    expect(byId.get(ids.sharedLink)).toMatchObject({ type: 'shared', name: accountSeed.names.sharedLink })
    expect(byId.get(ids.appExpired)).toMatchObject({ type: 'app', name: accountSeed.names.appExpired })
    expect(byId.get(ids.cmcCapability)).toMatchObject({
      type: 'shared',
      name: accountSeed.names.cmcCapability,
      clientData: { cmc: { kind: 'capability' } },
    })
    const tokens = (await control<Array<{ token: string }>>('GET', '/tokens')).map((issued) => issued.token)
    expect(tokens).toEqual(
      expect.arrayContaining([await accountToken(ids.personalWeb), await accountToken(ids.personalMobile)]),
    )
    await control('POST', '/reset')
    const again = (await stateUser(accountSeed.username)).accesses
    expect(again.map((access) => access.id)).toEqual(accesses.map((access) => access.id))
    expect(again[0]?.token).not.toBe(accesses[0]?.token)
  })

  it('has a live mobile session, and the pages’ sign-in reuses the web access', async () => {
    const mobile = await accountToken(ids.personalMobile)
    expect((await call('GET', `/${accountSeed.username}/access-info`, undefined, mobile)).status).toBe(200)
    const web = await accountToken(ids.personalWeb)
    expect(errorOf(await call('GET', `/${accountSeed.username}/access-info`, undefined, web))).toEqual([
      403,
      sessionExpired,
    ])
    const token = await signInAccountUser()
    expect((await call('GET', `/${accountSeed.username}/access-info`, undefined, token)).json.id).toBe(ids.personalWeb)
    const streams = (await call('GET', `/${accountSeed.username}/streams`, undefined, token)).json.streams as Json[]
    expect(streams.filter((stream) => !String(stream.id).startsWith(':'))).toEqual([
      { id: 'diary', name: 'Diary', parentId: null, children: [] },
      expect.objectContaining({
        id: 'health',
        name: 'Health',
        children: expect.arrayContaining([expect.objectContaining({ id: 'health-bp', name: 'Blood pressure' })]),
      }),
      { id: 'sleep', name: 'Sleep', parentId: null, children: [] },
    ])
  })

  it('has an audit log of about 400 entries, about 5 % failed, the same at every reset', async () => {
    const entries = await control<AuditEntry[]>('GET', `/users/${accountSeed.username}/audit`)
    expect(entries.length).toBeGreaterThanOrEqual(350)
    expect(entries.length).toBeLessThanOrEqual(450)
    const count = (accessId: string) =>
      entries.filter((entry) => entry.streamIds[0] === `:_audit:access-${accessId}`).length
    expect(count(ids.appDiary)).toBeGreaterThanOrEqual(120)
    expect(count(ids.appBackup)).toBeGreaterThanOrEqual(40)
    expect(count('valid-password')).toBeGreaterThan(0)
    expect(count('invalid')).toBeGreaterThan(0)
    const errors = entries.filter((entry) => entry.type === 'audit-log/pryv-api-error')
    expect(errors.length / entries.length).toBeGreaterThan(0.03)
    expect(errors.length / entries.length).toBeLessThan(0.08)
    expect(
      errors.every((entry) => typeof entry.content.id === 'string' && typeof entry.content.message === 'string'),
    ).toBe(true)
    const texts = entries.map((entry) => JSON.stringify(entry.content))
    for (const markup of accountSeed.auditMarkup)
      expect(texts.some((text) => text.includes(JSON.stringify(markup).slice(1, -1)))).toBe(true)
    const now = Date.now() / 1000
    expect(entries.every((entry) => entry.time > now - 61 * 24 * 3600 && entry.time <= now)).toBe(true)
    await control('POST', '/reset')
    const again = await control<AuditEntry[]>('GET', `/users/${accountSeed.username}/audit`)
    expect(again.map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id))
  })
})
