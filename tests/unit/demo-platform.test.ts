// @vitest-environment node
import pryv, { type Connection, type Service } from 'pryv'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountSeed } from '../demo-platform/account-seed.ts'
import { startDemoPlatform, type RunningServer } from '../demo-platform/server.ts'

const authPageUrl = 'http://localhost:4173/access/access.html'
const appId = 'test-unit'
const diaryRead = [{ streamId: 'diary', level: 'read' as const, defaultName: 'Diary' }]

let platform: RunningServer
let service: Service

beforeAll(async () => {
  platform = await startDemoPlatform({ port: 0, authPageUrl })
})
afterAll(() => platform.close())
beforeEach(async () => {
  await control('POST', '/reset')
  service = new pryv.Service(`${platform.url}/reg/service/info`)
})

type Json = Record<string, unknown>

async function control<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${platform.url}/_demo${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return (await response.json()) as T
}

function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const url = path.startsWith('http') ? path : platform.url + path
  return fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** `Connection.apiOne` for methods `pryv`'s types leave out (auth.logout) or under-describe. */
function callApi(connection: Connection, method: string, params: object): Promise<Json> {
  const apiOne = connection.apiOne.bind(connection) as unknown as (method: string, params: object) => Promise<Json>
  return apiOne(method, params)
}

const signIn = (username = 'demo-user', password = 'demo-password-1') => service.login(username, password, appId)

describe('service info', () => {
  it('gives the DNS-less URLs, meta and assets pryv can load', async () => {
    expect(await service.info()).toMatchObject({
      api: `${platform.url}/{username}/`,
      access: `${platform.url}/reg/access/`,
      register: `${platform.url}/reg/`,
      name: 'Demo Pryv.io',
      version: '2.0.0-demo',
    })
    expect(await service.isDnsLess()).toBe(true)
    expect((await service.assets())?.get('favicon')).toEqual({ default: { url: 'favicon.svg' } })
    const raw = (await (await send('GET', '/reg/service/info')).json()) as Json
    expect(raw.meta).toMatchObject({ apiVersion: '2.0.0-demo', serial: '2025010100', serverTime: expect.any(Number) })
  })
})

describe('auth requests', () => {
  it('answers the authUrl with every parameter URL-encoded, and the poll state with nulls for what was not given', async () => {
    const returnURL = 'http://app.example/back?x=a b'
    const request = {
      requestingAppId: appId,
      requestedPermissions: diaryRead,
      languageCode: 'fr',
      returnURL,
      oauthState: 'st&te',
      deviceName: 'phone',
      expireAfter: 60_000,
    }
    const created = await service.startAccessRequest(request)
    expect(created.key).toMatch(/^[A-Za-z0-9]{16,}$/)
    expect(created.poll).toBe(`${platform.url}/reg/access/${created.key}`)
    const authUrl = new URL(created.authUrl)
    expect(authUrl.origin + authUrl.pathname).toBe(authPageUrl)
    expect(Object.fromEntries(authUrl.searchParams)).toEqual({
      lang: 'fr',
      key: created.key,
      requestingAppId: appId,
      poll: created.poll,
      poll_rate_ms: '1000',
      serviceInfo: `${platform.url}/reg/service/info`,
      returnURL,
      oauthState: 'st&te',
    })
    expect(created.authUrl).toContain('returnURL=http%3A%2F%2Fapp.example%2Fback%3Fx%3Da%20b')

    const state = await service.pollAccessRequest(created.poll)
    expect(state).toEqual({
      status: 'NEED_SIGNIN',
      key: created.key,
      requestingAppId: appId,
      requestedPermissions: diaryRead,
      poll: created.poll,
      authUrl: created.authUrl,
      poll_rate_ms: 1000,
      lang: 'fr',
      returnURL,
      oauthState: 'st&te',
      clientData: null,
      serviceInfo: expect.objectContaining({ name: 'Demo Pryv.io' }),
      meta: expect.any(Object),
    })
    expect(state.serviceInfo).not.toHaveProperty('version')
    const bare = await service.pollAccessRequest(
      (await service.startAccessRequest({ requestingAppId: appId, requestedPermissions: diaryRead })).poll,
    )
    expect(bare).toMatchObject({ lang: null, returnURL: null, oauthState: null, clientData: null })
  })

  it('takes poll updates with their status codes, keeps their history and never becomes final', async () => {
    const { key, poll } = await service.startAccessRequest({ requestingAppId: appId, requestedPermissions: diaryRead })
    const refused = await send('POST', poll, { status: 'REFUSED', reasonId: 'REFUSED_BY_USER', message: 'No' })
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ status: 'REFUSED', reasonId: 'REFUSED_BY_USER', message: 'No' })
    expect(await service.pollAccessRequest(poll)).toMatchObject({ status: 'REFUSED' })

    const incomplete = await send('POST', poll, { status: 'ACCEPTED', username: 'demo-user' })
    expect([incomplete.status, ((await incomplete.json()) as { error: Json }).error.id]).toEqual([
      400,
      'invalid-parameters-format',
    ])
    const unknownStatus = await send('POST', poll, { status: 'DONE' })
    expect([unknownStatus.status, ((await unknownStatus.json()) as { error: Json }).error.id]).toEqual([
      400,
      'invalid-parameters',
    ])

    const accepted = {
      status: 'ACCEPTED',
      username: 'demo-user',
      token: 'some-token',
      apiEndpoint: 'http://some-token@x/',
    }
    expect((await send('POST', poll, accepted)).status).toBe(200)
    expect(await (await send('GET', poll)).json()).toEqual({ ...accepted, meta: expect.any(Object) })

    const redirected = await send('POST', poll, { status: 'REDIRECTED', redirectUrl: 'http://127.0.0.1:1/elsewhere' })
    expect(redirected.status).toBe(301)
    expect(redirected.headers.get('location')).toBeNull()
    expect(await redirected.json()).toMatchObject({
      status: 'REDIRECTED',
      poll,
      redirectUrl: 'http://127.0.0.1:1/elsewhere',
    })

    const state = await control<{ authRequests: Record<string, { history: Json[] }> }>('GET', '/state')
    expect(state.authRequests[key]?.history.map((body) => body.status)).toEqual([
      'REFUSED',
      'ACCEPTED',
      'DONE',
      'ACCEPTED',
      'REDIRECTED',
    ])
  })

  it('refuses bad requests and forgets expired keys, answering without meta', async () => {
    const invalid = await send('POST', '/reg/access', { requestingAppId: appId })
    expect([invalid.status, ((await invalid.json()) as { error: Json }).error.id]).toEqual([
      400,
      'invalid-parameters-format',
    ])
    const { key, poll } = await service.startAccessRequest({ requestingAppId: appId, requestedPermissions: diaryRead })
    await control('POST', `/auth-requests/${key}/expire`)
    const expired = await send('GET', poll)
    expect(expired.status).toBe(400)
    expect(await expired.json()).toEqual({ error: { id: 'unknown-access-key', message: expect.any(String) } })
    await expect(service.pollAccessRequest(poll)).rejects.toMatchObject({ id: 'unknown-access-key', status: 400 })
  })
})

describe('sign-in', () => {
  it('refuses wrong passwords and untrusted apps, then opens a personal session', async () => {
    const wrong = { id: 'invalid-credentials', status: 401, message: 'The given username/password pair is invalid.' }
    await expect(signIn('demo-user', 'wrong-password-1')).rejects.toMatchObject(wrong)
    await expect(signIn('nobody-here', 'demo-password-1')).rejects.toMatchObject(wrong)
    const untrusted = {
      id: 'invalid-credentials',
      status: 401,
      message: 'The app id ("appId") is either missing or not trusted.',
    }
    await expect(service.login('demo-user', 'demo-password-1', appId, 'https://evil.example')).rejects.toMatchObject(
      untrusted,
    )
    await expect(service.login('demo-user', 'demo-password-1', 'unknown-app')).rejects.toMatchObject(untrusted)

    const connection = await signIn()
    expect(connection.endpoint).toBe(`${platform.url}/demo-user/`)
    expect(connection.token).toMatch(/^c[a-z0-9]{24}$/)
  })

  it('asks MFA accounts for the SMS code, resends it and checks it', async () => {
    const error: unknown = await signIn('mfa-user', 'mfa-password-1').catch((err: unknown) => err)
    expect(error).toBeInstanceOf(pryv.MfaRequiredError)
    const { mfaToken } = error as InstanceType<typeof pryv.MfaRequiredError>
    expect(await control<Json[]>('GET', '/sms')).toHaveLength(1)
    await service.mfaChallenge('mfa-user', mfaToken)
    const sms = await control<Array<{ username: string; code: string }>>('GET', '/sms')
    expect(sms.map((item) => item.username)).toEqual(['mfa-user', 'mfa-user'])
    const code = sms[1]?.code ?? ''
    expect(code).toMatch(/^\d{6}$/)

    const wrong = await service
      .mfaVerify('mfa-user', mfaToken, code === '000000' ? '111111' : '000000')
      .catch((err: unknown) => err)
    expect(wrong).toMatchObject({
      id: 'invalid-operation',
      status: 400,
      response: { body: { error: { data: { id: 'mfa-sms-provider-error' } } } },
    })
    const connection = await service.mfaVerify('mfa-user', mfaToken, code)
    expect(connection.token).toMatch(/^c[a-z0-9]{24}$/)
    await expect(service.mfaVerify('mfa-user', mfaToken, code)).rejects.toMatchObject({
      id: 'invalid-access-token',
      status: 403,
    })
  })

  it('lists every personal and MFA token it handed out, even once logged out', async () => {
    const connection = await signIn()
    await callApi(connection, 'auth.logout', {})
    const error = await signIn('mfa-user', 'mfa-password-1').catch((err: unknown) => err)
    const { mfaToken } = error as InstanceType<typeof pryv.MfaRequiredError>
    // The seeded account-area account's personal tokens come first, from the reset.
    const seeded = [expect.objectContaining({ kind: 'personal', username: accountSeed.username })]
    expect(await control<Json[]>('GET', '/tokens')).toEqual([
      ...seeded,
      ...seeded,
      { kind: 'personal', username: 'demo-user', token: connection.token },
      { kind: 'mfa', username: 'mfa-user', token: mfaToken },
    ])
    await control('POST', '/reset')
    expect(await control<Json[]>('GET', '/tokens')).toEqual([...seeded, ...seeded])
  })

  it('serves another site that frames the given web addresses, escaped, and nothing else', async () => {
    const answer = await send(
      'GET',
      `/_demo/framing-site?src=${encodeURIComponent('http://localhost:4173/access/?a=1&b="x"')}&src=javascript:alert(1)`,
    )
    expect(answer.headers.get('content-type')).toContain('text/html')
    const html = await answer.text()
    expect(html.match(/<iframe /g)).toHaveLength(1)
    expect(html).toContain('src="http://localhost:4173/access/?a=1&amp;b=&quot;x&quot;"')
  })

  it('switches MFA off with a recovery code', async () => {
    const recover = (recoveryCode: string) =>
      send('POST', '/mfa-user/mfa/recover', { username: 'mfa-user', password: 'mfa-password-1', recoveryCode })
    const wrong = await recover('not-a-code')
    expect(await wrong.json()).toMatchObject({
      error: { id: 'invalid-parameters-format', message: 'Invalid recovery code.' },
    })
    const right = await recover('mfa-recovery-03')
    expect(await right.json()).toMatchObject({ message: 'MFA deactivated.' })
    expect(
      (await control<{ users: Json[] }>('GET', '/state')).users.find((user) => user.username === 'mfa-user')?.mfa,
    ).toBe(false)
    expect((await signIn('mfa-user', 'mfa-password-1')).token).toBeTruthy()
    expect(await (await recover('mfa-recovery-04')).json()).toMatchObject({ error: { id: 'invalid-operation' } })
  })

  it("serves each account's home at its API endpoint, and 404 for unknown accounts", async () => {
    const home = await send('GET', await service.apiEndpointFor('demo-user'))
    expect([home.status, home.headers.get('content-type'), await home.text()]).toEqual([
      200,
      'text/html; charset=utf-8',
      expect.stringContaining('Home of demo-user'),
    ])
    expect(await (await send('GET', '/nobody-here/')).json()).toMatchObject({ error: { id: 'unknown-resource' } })
  })

  it('finds users by e-mail and name', async () => {
    expect(await service.userIdForEmail('demo-user@example.com')).toBe('demo-user')
    expect(await service.userIdForEmail('nobody@example.com')).toBeNull()
    expect(await service.userExists('other-user')).toBe(true)
    expect(await service.userExists('nobody-here')).toBe(false)
    expect(await (await send('GET', '/reg/nobody%40example.com/uid')).json()).toEqual({
      error: { id: 'unknown-email', message: expect.any(String) },
    })
  })
})

describe('accesses', () => {
  const requested = [
    ...diaryRead,
    { streamId: 'notes', level: 'contribute', defaultName: 'Notes' },
    { feature: 'selfRevoke', setting: 'forbidden' },
  ]

  it('checks, creates, matches, mismatches and deletes app accesses through batch calls', async () => {
    const connection = await signIn()
    const check = (params: Json) =>
      callApi(connection, 'accesses.checkApp', { requestingAppId: appId, requestedPermissions: requested, ...params })
    const streams = requested.slice(0, 2)
    expect(await check({ requestedPermissions: streams })).toEqual({
      checkedPermissions: [
        { streamId: 'diary', level: 'read', name: 'Diary' },
        { streamId: 'notes', level: 'contribute', defaultName: 'Notes' },
      ],
    })

    const { access } = (await callApi(connection, 'accesses.create', {
      name: appId,
      type: 'app',
      permissions: requested,
      clientData: { a: 1 },
    })) as { access: Json }
    expect(access).toMatchObject({
      name: appId,
      type: 'app',
      clientData: { a: 1 },
      permissions: [{ streamId: 'diary', level: 'read' }, { streamId: 'notes', level: 'contribute' }, requested[2]],
    })
    expect(access.apiEndpoint).toBe(`http://${String(access.token)}@${platform.url.slice('http://'.length)}/demo-user/`)

    expect(await check({ requestedPermissions: [...requested].reverse(), clientData: { a: 1 } })).toEqual({
      matchingAccess: expect.objectContaining({ id: access.id, token: access.token }),
    })
    expect(await check({ requestedPermissions: streams, clientData: { a: 2 } })).toMatchObject({
      mismatchingAccess: { id: access.id },
    })
    expect(
      await check({
        requestedPermissions: [{ streamId: 'notes', level: 'manage', defaultName: 'Notes' }],
        clientData: { a: 1 },
      }),
    ).toEqual({
      mismatchingAccess: expect.objectContaining({ id: access.id }),
      checkedPermissions: [{ streamId: 'notes', level: 'manage', name: 'Notes' }],
    })
    await expect(
      callApi(connection, 'accesses.create', { name: appId, type: 'app', permissions: diaryRead }),
    ).rejects.toMatchObject({ innerObject: { id: 'item-already-exists' } })

    expect(await callApi(connection, 'accesses.delete', { id: access.id })).toEqual({
      accessDeletion: { id: access.id },
    })
    const [first, second] = await connection.api([
      { method: 'accesses.delete', params: { id: String(access.id) } },
      { method: 'followedSlices.get', params: null },
    ])
    expect([first?.error?.id, second?.error?.id]).toEqual(['unknown-resource', 'invalid-method'])
    const { users } = await control<{ users: Array<{ username: string; accesses: Json[] }> }>('GET', '/state')
    expect(users.find((user) => user.username === 'demo-user')?.accesses).toEqual([
      expect.objectContaining({ type: 'personal', name: appId, token: connection.token }),
      expect.objectContaining({ id: access.id, deleted: expect.any(Number) }),
    ])
  })

  it('refuses null optionals and unknown levels as the real platform does', async () => {
    const { token } = await signIn()
    const post = async (path: string, body: Json) =>
      (
        (await (await send('POST', `/demo-user/accesses${path}`, body, { Authorization: token ?? '' })).json()) as {
          error: Json
        }
      ).error
    expect(
      await post('/check-app', { requestingAppId: appId, requestedPermissions: diaryRead, clientData: null }),
    ).toEqual({
      id: 'invalid-parameters-format',
      message: expect.any(String),
      data: [{ code: 'INVALID_TYPE', message: 'must be object', path: '#/clientData' }],
    })
    const nulls = await post('', {
      name: appId,
      type: 'app',
      permissions: diaryRead,
      deviceName: null,
      token: null,
      expireAfter: null,
    })
    expect(nulls.data).toEqual([
      { code: 'INVALID_TYPE', message: 'must be string', path: '#/deviceName' },
      { code: 'INVALID_TYPE', message: 'must be string', path: '#/token' },
      { code: 'INVALID_TYPE', message: 'must be number', path: '#/expireAfter' },
    ])
    const level = await post('/check-app', {
      requestingAppId: appId,
      requestedPermissions: [{ streamId: 'diary', level: 'admin', defaultName: 'Diary' }],
    })
    expect(level).toMatchObject({
      id: 'invalid-parameters-format',
      data: [
        {
          code: 'ENUM_MISMATCH',
          params: expect.any(Object),
          message: expect.any(String),
          path: '#/requestedPermissions/0/level',
        },
      ],
    })
  })

  it('tells missing, unknown, app and logged-out tokens apart', async () => {
    const checkApp = async (authorization?: string) => {
      const response = await send(
        'POST',
        '/demo-user/accesses/check-app',
        { requestingAppId: appId, requestedPermissions: diaryRead },
        authorization ? { Authorization: authorization } : {},
      )
      return [response.status, ((await response.json()) as { error?: Json }).error?.id]
    }
    expect(await checkApp()).toEqual([401, 'invalid-access-token'])
    expect(await checkApp('not-a-token')).toEqual([403, 'invalid-access-token'])
    expect(await checkApp((await signIn('other-user', 'other-password-1')).token ?? '')).toEqual([
      403,
      'invalid-access-token',
    ])
    const seeded = await control('POST', '/users/demo-user/accesses', { name: 'test-seeded', permissions: diaryRead })
    expect(await checkApp(String(seeded.token))).toEqual([403, 'forbidden'])

    const connection = await signIn()
    expect(await callApi(connection, 'auth.logout', {})).toEqual({})
    expect(await checkApp(connection.token ?? '')).toEqual([403, 'invalid-access-token'])
  })
})

describe('accounts', () => {
  it('registers users and refuses taken, reserved and invalid ones', async () => {
    expect(await service.flatHostings()).toEqual([
      expect.objectContaining({ key: 'demo-hosting', available: true, availableCore: `${platform.url}/` }),
    ])
    const account = {
      username: 'new-user-1',
      password: 'new-password-1',
      email: 'new-user-1@example.com',
      hosting: 'auto',
      appId,
    }
    expect(await service.createUser(account)).toEqual({
      username: 'new-user-1',
      apiEndpoint: `${platform.url}/new-user-1/`,
    })
    expect((await signIn('new-user-1', 'new-password-1')).token).toBeTruthy()

    await expect(service.createUser({ ...account, email: 'other@example.com' })).rejects.toMatchObject({
      id: 'item-already-exists',
      status: 409,
      response: { body: { error: { data: { username: 'new-user-1' } } } },
    })
    expect(await (await send('GET', '/reg/admin/check_username')).json()).toMatchObject({ reserved: false })
    await expect(
      service.createUser({ ...account, username: 'admin', email: 'admin@example.com' }),
    ).rejects.toMatchObject({ status: 409 })
    expect((await send('GET', '/reg/new-user-1%40example.com/check_email')).status).toBe(409)
    const shortAppId = await service
      .createUser({ ...account, username: 'new-user-2', email: 'new-user-2@example.com', appId: 'abc' })
      .catch((err: unknown) => err)
    expect(shortAppId).toMatchObject({
      id: 'invalid-parameters-format',
      status: 400,
      response: { body: { error: { data: [{ code: 'appid-invalid', param: 'appId', path: '#/appId' }] } } },
    })
  })

  it('serves the hostings tests set, accepts only available ones and records what the app sent', async () => {
    const hosting = (available: boolean) => ({
      url: `${platform.url}/`,
      name: 'H',
      description: 'D',
      available,
      availableCore: `${platform.url}/`,
    })
    const tree = {
      regions: {
        asia: {
          name: 'Asia',
          zones: { east: { name: 'East', hostings: { 'open-one': hosting(true), 'full-one': hosting(false) } } },
        },
      },
    }
    expect(await control('PUT', '/hostings', tree)).toEqual(tree)
    expect((await service.flatHostings()).map((item) => [item.key, item.available])).toEqual([
      ['open-one', true],
      ['full-one', false],
    ])

    const account = {
      username: 'new-user-3',
      password: 'new-password-3',
      email: 'new-user-3@example.com',
      appId,
      language: 'fr',
      referer: 'some-app',
    }
    const refused = await service.createUser({ ...account, hosting: 'full-one' }).catch((err: unknown) => err)
    expect(refused).toMatchObject({
      status: 400,
      response: { body: { error: { data: [{ code: 'hosting-invalid', param: 'hosting' }] } } },
    })
    await service.createUser({ ...account, hosting: 'open-one' })
    const { users } = await control<{ users: Json[] }>('GET', '/state')
    expect(users.find((user) => user.username === 'new-user-3')).toMatchObject({
      email: 'new-user-3@example.com',
      language: 'fr',
      hosting: 'open-one',
      appId,
      referer: 'some-app',
    })

    await control('POST', '/reset')
    expect((await service.flatHostings()).map((item) => item.key)).toEqual(['demo-hosting'])
  })

  it('resets a password with a single-use mailed token, and changes it with the old one', async () => {
    await service.requestPasswordReset('demo-user', appId)
    await expect(service.requestPasswordReset('nobody-here', appId)).rejects.toMatchObject({
      id: 'unknown-resource',
      status: 404,
    })
    const mails = await control<Array<{ username: string; resetToken: string; url: string }>>('GET', '/mails')
    expect(mails).toEqual([expect.objectContaining({ username: 'demo-user', email: 'demo-user@example.com' })])
    const resetToken = mails[0]?.resetToken ?? ''
    expect(mails[0]?.url).toBe(`http://localhost:4173/access/reset-password.html?resetToken=${resetToken}`)

    await expect(service.resetPassword('demo-user', 'abc', resetToken, appId)).rejects.toMatchObject({
      id: 'invalid-parameters-format',
      status: 400,
    })
    await service.resetPassword('demo-user', 'brand-new-password', resetToken, appId)
    await expect(service.resetPassword('demo-user', 'other-password', resetToken, appId)).rejects.toMatchObject({
      id: 'invalid-access-token',
      status: 401,
      message: 'The reset token is invalid or expired',
    })

    const connection = await signIn('demo-user', 'brand-new-password')
    const change = (oldPassword: string) =>
      callApi(connection, 'account.changePassword', { oldPassword, newPassword: 'third-password' })
    await expect(change('wrong-password')).rejects.toMatchObject({ innerObject: { id: 'invalid-operation' } })
    expect(await change('brand-new-password')).toEqual({})
  })
})

describe('HTTP behaviour', () => {
  it('answers CORS preflights and echoes the origin', async () => {
    const origin = 'http://127.0.0.1:4173'
    const preflight = await fetch(`${platform.url}/demo-user/accesses/check-app`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.status).toBe(200)
    expect(
      Object.fromEntries(
        ['allow-origin', 'allow-credentials', 'allow-headers', 'allow-methods'].map((name) => [
          name,
          preflight.headers.get(`access-control-${name}`),
        ]),
      ),
    ).toEqual({
      'allow-origin': origin,
      'allow-credentials': 'true',
      'allow-headers': 'content-type,authorization',
      'allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
    })
    expect(
      (await fetch(`${platform.url}/reg/service/info`, { headers: { Origin: origin } })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe(origin)
  })

  it('answers unknown routes and malformed JSON with Pryv errors', async () => {
    expect(await (await send('GET', '/no/such/route')).json()).toMatchObject({ error: { id: 'unknown-resource' } })
    const malformed = await fetch(`${platform.url}/reg/access`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    })
    expect([malformed.status, ((await malformed.json()) as { error: Json }).error.id]).toEqual([
      400,
      'invalid-request-structure',
    ])
  })

  it('injects faults once, logs requests and lets delayed ones through', async () => {
    await control('POST', '/faults', {
      rules: [
        { method: 'GET', path: '^/reg/service/info$', status: 503 },
        { path: '^/reg/hostings$', nonJson: true },
        { path: '^/reg/demo-user', reset: true },
        { path: '^/demo-assets/', delayMs: 30 },
      ],
    })
    const failed = await fetch(`${platform.url}/reg/service/info`, { headers: { Origin: 'http://localhost:4173' } })
    expect([failed.status, failed.headers.get('access-control-allow-origin')]).toEqual([503, 'http://localhost:4173'])
    expect(await failed.json()).toEqual({ error: { id: 'unexpected-error', message: 'Simulated failure' } })
    expect((await send('GET', '/reg/service/info')).status).toBe(200)
    const html = await send('GET', '/reg/hostings')
    expect([html.status, html.headers.get('content-type'), await html.text()]).toEqual([
      502,
      'text/html; charset=utf-8',
      '<html>Bad gateway</html>',
    ])
    await expect(send('POST', '/reg/demo-user/server', {})).rejects.toThrow(TypeError)
    const started = Date.now()
    expect((await send('GET', '/demo-assets/index.json')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)

    const log = await control<Array<{ method: string; path: string; origin: string | null }>>('GET', '/requests')
    expect(log).toContainEqual(
      expect.objectContaining({ method: 'GET', path: '/reg/service/info', origin: 'http://localhost:4173' }),
    )
    expect(log.some((entry) => entry.path.startsWith('/_demo'))).toBe(false)
    expect(await control('DELETE', '/requests')).toEqual([])
  })
})
