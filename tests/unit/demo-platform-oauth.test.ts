// @vitest-environment node
import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startDemoPlatform, type RunningServer } from '../demo-platform/server.ts'

const consentPageUrl = 'http://localhost:4173/access/oauth2-authorize'

let platform: RunningServer
let redirectUri: string

beforeAll(async () => {
  platform = await startDemoPlatform({ port: 0, authPageUrl: 'http://localhost:4173/access/access.html' })
  redirectUri = `${platform.url}/demo-oauth-client/callback`
})
afterAll(() => platform.close())
beforeEach(async () => {
  await control('POST', '/reset')
})

type Json = Record<string, unknown>

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const json: Record<string, string> = body === undefined ? {} : { 'Content-Type': 'application/json' }
  return fetch(platform.url + path, {
    method,
    headers: { ...json, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

const postJson = (path: string, body: unknown, headers?: Record<string, string>) => call('POST', path, body, headers)

async function control<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
  return (await (await call(method, `/_demo${path}`, body)).json()) as T
}

function pkcePair() {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

interface Flow {
  verifier: string
  csrf: string
}

function authorizeQuery(overrides: Record<string, string | undefined>, challenge: string, csrf: string): string {
  const params: Record<string, string | undefined> = {
    client_id: 'demo-health-study',
    redirect_uri: redirectUri,
    response_type: 'code',
    state: csrf,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'cmc:share',
    ...overrides,
  }
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, value)
  return query.toString()
}

async function authorize(
  overrides: Record<string, string | undefined> = {},
): Promise<{ response: Response; flow: Flow }> {
  const { verifier, challenge } = pkcePair()
  const csrf = randomBytes(8).toString('hex')
  const response = await fetch(`${platform.url}/oauth2/authorize?${authorizeQuery(overrides, challenge, csrf)}`, {
    redirect: 'manual',
  })
  return { response, flow: { verifier, csrf } }
}

/** Starts a flow that must reach the consent page; answers its signed state. */
async function consentRequest(
  overrides: Record<string, string | undefined> = {},
): Promise<{ state: string; flow: Flow }> {
  const { response, flow } = await authorize(overrides)
  expect(response.status).toBe(302)
  const location = new URL(response.headers.get('location') ?? '')
  expect(location.origin + location.pathname).toBe(consentPageUrl)
  return { state: location.searchParams.get('state') ?? '', flow }
}

function decodePayload(state: string): Json {
  return JSON.parse(Buffer.from(state.split('.')[0] ?? '', 'base64url').toString('utf8')) as Json
}

async function signIn(username = 'demo-user', password = 'demo-password-1'): Promise<string> {
  const response = await postJson(
    `/${username}/auth/login`,
    { username, password, appId: 'test-oauth' },
    { Origin: 'http://127.0.0.1:4573' },
  )
  return ((await response.json()) as { token: string }).token
}

async function accept(
  state: string,
  grantedPermissions: unknown,
  username = 'demo-user',
  userToken?: string,
): Promise<{ status: number; json: Json }> {
  const token = userToken ?? (await signIn(username))
  const response = await postJson('/oauth2/authorize/accept', { state, username, userToken: token, grantedPermissions })
  return { status: response.status, json: (await response.json()) as Json }
}

function exchange(fields: Record<string, string>): Promise<Response> {
  return fetch(`${platform.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: 'demo-health-study',
      redirect_uri: redirectUri,
      ...fields,
    }).toString(),
  })
}

function codeOf(redirectTo: unknown): string {
  return new URL(String(redirectTo)).searchParams.get('code') ?? ''
}

const health = { streamId: 'health', level: 'read' }
const diary = { streamId: 'diary', level: 'read' }
const selfRevokeForbidden = { feature: 'selfRevoke', setting: 'forbidden' }

interface StateView {
  users: { username: string; accesses: Json[] }[]
}

/** The user's app and shared accesses (a login's personal access left aside). */
async function accessesOf(username: string): Promise<Json[]> {
  const state = await control<StateView>('GET', '/state')
  const accesses = state.users.find((user) => user.username === username)?.accesses ?? []
  return accesses.filter((access) => access.type !== 'personal')
}

describe('GET /oauth2/authorize', () => {
  it('redirects to the consent page with a signed state of the offer and the issuer, never cached', async () => {
    const { response, flow } = await authorize({ login_hint: 'demo-user' })
    expect(response.status).toBe(302)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const location = response.headers.get('location') ?? ''
    expect(location).toMatch(new RegExp(`^${consentPageUrl}\\?state=[\\w-]+\\.[\\w-]+&pryvApi=`))
    expect(location.endsWith(`&pryvApi=${encodeURIComponent(platform.url)}`)).toBe(true)
    const state = new URL(location).searchParams.get('state') ?? ''
    const payload = decodePayload(state)
    expect(payload).toMatchObject({
      clientId: 'demo-health-study',
      redirectUri,
      state: flow.csrf,
      codeChallengeMethod: 'S256',
      scope: ['cmc:share'],
      userIdHint: 'demo-user',
      offer: { offerName: 'share', allowUserChoice: true, requesterMeta: { displayName: 'Demo Health Study' } },
    })
    expect((payload.offer as Json).permissions).toEqual([
      { streamId: 'health', level: 'read', defaultName: 'Health', mandatory: true },
      { streamId: 'diary', level: 'read', defaultName: 'Diary' },
      selfRevokeForbidden,
    ])
    expect(payload.exp).toBe(Number(payload.iat) + 300)
  })

  it('adds its parameters to a consent page URL that has a query, and drops a trailing slash', async () => {
    const cases: [string, string][] = [
      ['https://auth.example/consent?site=demo', 'https://auth.example/consent?site=demo&state='],
      ['https://auth.example/consent/', 'https://auth.example/consent?state='],
    ]
    for (const [given, start] of cases) {
      const other = await startDemoPlatform({ port: 0, consentPageUrl: given })
      try {
        const query = new URLSearchParams({
          client_id: 'demo-health-study',
          redirect_uri: 'http://127.0.0.1:8765/callback',
          response_type: 'code',
          state: 's',
          code_challenge: 'c',
          code_challenge_method: 'S256',
          scope: 'cmc:share',
        })
        const response = await fetch(`${other.url}/oauth2/authorize?${query.toString()}`, { redirect: 'manual' })
        const location = response.headers.get('location') ?? ''
        expect(location.startsWith(start), location).toBe(true)
        expect(new URL(location).searchParams.get('pryvApi')).toBe(other.url)
      } finally {
        await other.close()
      }
    }
  })

  it('leaves userIdHint out when no login_hint is given', async () => {
    const { state } = await consentRequest()
    expect(decodePayload(state)).not.toHaveProperty('userIdHint')
  })

  it('answers an HTML 400 and redirects nowhere for a missing or unknown client or a redirect URI not registered', async () => {
    const cases: [Record<string, string | undefined>, string][] = [
      [{ client_id: undefined }, 'Missing client_id parameter.'],
      [{ redirect_uri: undefined }, 'Missing redirect_uri parameter.'],
      [{ client_id: 'no-such-client' }, 'Unknown client_id: no-such-client'],
      [{ redirect_uri: `${redirectUri}/other` }, 'redirect_uri does not match any registered URI for this client.'],
      [{ redirect_uri: `${redirectUri}#fragment` }, 'redirect_uri does not match any registered URI for this client.'],
      [
        { redirect_uri: redirectUri.replace('127.0.0.1', 'localhost') },
        'redirect_uri does not match any registered URI for this client.',
      ],
    ]
    for (const [overrides, message] of cases) {
      const { response } = await authorize(overrides)
      expect(response.status).toBe(400)
      expect(response.headers.get('location')).toBeNull()
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await response.text()).toContain(`<p>${message}</p>`)
    }
  })

  it('escapes the unknown client id in its HTML page', async () => {
    const { response } = await authorize({ client_id: '<script>x</script>' })
    expect(await response.text()).toContain('Unknown client_id: &lt;script&gt;x&lt;/script&gt;')
  })

  it('lets a loopback redirect URI change port', async () => {
    await consentRequest({ redirect_uri: 'http://127.0.0.1:8765/callback' })
  })

  it('sends other errors back to the client with the error, its description, the client state and the issuer', async () => {
    const cases: [Record<string, string | undefined>, string, string][] = [
      [{ response_type: 'token' }, 'unsupported_response_type', 'only response_type=code is supported'],
      [{ code_challenge: undefined }, 'invalid_request', 'PKCE code_challenge is required'],
      [{ code_challenge_method: 'plain' }, 'invalid_request', 'PKCE code_challenge_method must be S256'],
      [{ scope: 'cmc:intl' }, 'invalid_scope', 'client is not registered for scope(s): cmc:intl'],
      [
        { scope: 'cmc:share cmc:aon' },
        'invalid_scope',
        'scope must be exactly one cmc:<offer-name> consent-offer reference',
      ],
      [{ scope: undefined }, 'invalid_scope', 'scope must be exactly one cmc:<offer-name> consent-offer reference'],
      [{ scope: 'read' }, 'invalid_scope', 'scope token missing namespace prefix: "read"'],
      [{ scope: 'pryv:read' }, 'invalid_scope', 'unknown scope namespace "pryv" in token "pryv:read"'],
    ]
    for (const [overrides, error, description] of cases) {
      const { response, flow } = await authorize(overrides)
      expect(response.status).toBe(302)
      const location = new URL(response.headers.get('location') ?? '')
      expect(location.origin + location.pathname).toBe(redirectUri)
      expect(Object.fromEntries(location.searchParams)).toEqual({
        error,
        error_description: description,
        state: flow.csrf,
        iss: platform.url,
      })
    }
    const { response } = await authorize({ state: undefined })
    expect(Object.fromEntries(new URL(response.headers.get('location') ?? '').searchParams)).toEqual({
      error: 'invalid_request',
      error_description: 'state parameter is required (CSRF defense)',
      iss: platform.url,
    })
  })
})

describe('the code flow', () => {
  it('grants only the kept entries: the token reads them, the data grant and the decision are recorded, the code works once', async () => {
    const { state, flow } = await consentRequest()
    const accepted = await accept(state, [{ ...health, defaultName: 'Health' }, selfRevokeForbidden])
    expect(accepted.status).toBe(200)
    const back = new URL(String(accepted.json.redirectTo))
    expect(back.origin + back.pathname).toBe(redirectUri)
    expect(back.searchParams.get('state')).toBe(flow.csrf)
    expect(back.searchParams.get('iss')).toBe(platform.url)

    const answer = await exchange({ code: codeOf(accepted.json.redirectTo), code_verifier: flow.verifier })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    expect(answer.headers.get('cache-control')).toBe('no-store')
    const tokens = (await answer.json()) as Json
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'cmc:share',
      refresh_token: expect.any(String),
    })
    const endpoint = new URL(String(tokens.apiEndpoint))
    expect(endpoint.username).toBe(tokens.access_token)
    expect(endpoint.pathname).toBe('/demo-user/')

    const info = (await (
      await fetch(`${platform.url}/demo-user/access-info`, { headers: { Authorization: String(tokens.access_token) } })
    ).json()) as Json
    const permissions = info.permissions as Json[]
    const chosen = permissions.filter((permission) => !String(permission.streamId ?? '').startsWith(':'))
    expect(chosen).toEqual([health, { feature: 'selfRevoke', setting: 'allowed' }])
    expect(permissions).toContainEqual({ streamId: ':_system:account', level: 'none' })
    expect(info).toMatchObject({
      type: 'app',
      name: 'oauth:demo-health-study',
      deviceName: expect.stringMatching(/^oauth-session-/),
    })

    const accesses = await accessesOf('demo-user')
    expect(accesses.find((access) => access.type === 'shared')).toMatchObject({
      name: expect.stringMatching(/^cmc:share:demo-health-study@127\.0\.0\.1:\d+$/),
      permissions: [health, selfRevokeForbidden],
      clientData: {
        cmc: {
          role: 'counterparty',
          offerName: 'share',
          counterparty: { username: 'demo-health-study', host: new URL(platform.url).host },
          scopeStreamId: ':_cmc:apps:oauth:demo-health-study',
        },
      },
    })
    const recorded = await control<{ decisions: Json[]; codes: Json[] }>('GET', '/oauth')
    expect(recorded.decisions).toEqual([
      expect.objectContaining({
        kind: 'accept',
        clientId: 'demo-health-study',
        username: 'demo-user',
        grantedPermissions: [{ ...health, defaultName: 'Health' }, selfRevokeForbidden],
      }),
    ])
    expect(recorded.codes).toEqual([])

    const replay = await exchange({ code: codeOf(accepted.json.redirectTo), code_verifier: flow.verifier })
    expect(replay.status).toBe(400)
    expect(await replay.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'code is invalid or already used',
    })
  })

  it('reuses the data grant when the user accepts the same offer again', async () => {
    for (let round = 0; round < 2; round++) {
      const { state } = await consentRequest()
      expect((await accept(state, [health, diary, selfRevokeForbidden])).status).toBe(200)
    }
    const accesses = await accessesOf('demo-user')
    expect(accesses.filter((access) => access.type === 'shared')).toHaveLength(1)
    expect(accesses.filter((access) => access.name === 'oauth:demo-health-study')).toHaveLength(2)
  })

  it('fails to create access for an offer whose data grant the user revoked', async () => {
    const first = await consentRequest()
    expect((await accept(first.state, [health])).status).toBe(200)
    const grant = (await accessesOf('demo-user')).find((access) => access.type === 'shared')
    const token = await signIn()
    expect(
      (
        await fetch(`${platform.url}/demo-user/accesses/${String(grant?.id)}`, {
          method: 'DELETE',
          headers: { Authorization: token },
        })
      ).status,
    ).toBe(200)
    const again = await consentRequest()
    expect(await accept(again.state, [health], 'demo-user', token)).toEqual({
      status: 500,
      json: { error: 'server_error', error_description: 'failed to create access' },
    })
  })

  it('burns the code on a wrong PKCE verifier', async () => {
    const { state, flow } = await consentRequest()
    const code = codeOf((await accept(state, [health])).json.redirectTo)
    const wrong = await exchange({ code, code_verifier: pkcePair().verifier })
    expect(wrong.status).toBe(400)
    expect(await wrong.json()).toEqual({ error: 'invalid_grant', error_description: 'PKCE verification failed' })
    expect(await (await exchange({ code, code_verifier: flow.verifier })).json()).toMatchObject({
      error: 'invalid_grant',
      error_description: 'code is invalid or already used',
    })
  })

  it('refuses the code for another client or redirect URI, and incomplete or unknown grants', async () => {
    const cases: [Record<string, string>, Json][] = [
      [{ client_id: 'demo-etude-zurich' }, { error: 'invalid_grant', error_description: 'client_id mismatch' }],
      [
        { redirect_uri: 'http://127.0.0.1:8765/callback' },
        { error: 'invalid_grant', error_description: 'redirect_uri mismatch' },
      ],
    ]
    for (const [fields, error] of cases) {
      const { state, flow } = await consentRequest()
      const code = codeOf((await accept(state, [health])).json.redirectTo)
      const answer = await exchange({ code, code_verifier: flow.verifier, ...fields })
      expect(answer.status).toBe(400)
      expect(await answer.json()).toEqual(error)
    }
    expect(await (await exchange({ code: 'x' })).json()).toEqual({
      error: 'invalid_request',
      error_description: 'code_verifier is required (PKCE mandatory)',
    })
    expect(await (await exchange({ grant_type: 'password' })).json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'grant_type "password" is not supported',
    })
  })

  it('lets the code expire after 600 s', async () => {
    const { state, flow } = await consentRequest()
    const code = codeOf((await accept(state, [health])).json.redirectTo)
    await control('POST', '/oauth/clock', { advanceSeconds: 600 })
    expect(await (await exchange({ code, code_verifier: flow.verifier })).json()).toMatchObject({
      error: 'invalid_grant',
    })
  })
})

describe('POST /oauth2/authorize/accept', () => {
  it('refuses a partial grant of an all-or-nothing offer, and takes the whole offer', async () => {
    const { state } = await consentRequest({ scope: 'cmc:aon' })
    const partial = await accept(state, [{ streamId: 'diary', level: 'contribute' }])
    expect(partial).toEqual({
      status: 400,
      json: {
        error: 'invalid_scope',
        error_description:
          'this consent is all-or-nothing (the offer does not allow user choice); missing: [{"streamId":"health","level":"read","defaultName":"Health"}]',
      },
    })
    expect((await accept(state, [{ streamId: 'diary', level: 'contribute' }, health])).status).toBe(200)
  })

  it('refuses to drop a mandatory entry, an empty grant, a changed level and an entry not offered', async () => {
    const { state } = await consentRequest()
    const cases: [unknown, string][] = [
      [
        [diary],
        'mandatory permissions cannot be unticked; missing: [{"streamId":"health","level":"read","defaultName":"Health"}]',
      ],
      [[], 'grantedPermissions must keep at least one permission (refuse instead)'],
      [
        [{ streamId: 'health', level: 'manage' }],
        'grantedPermissions must be a subset of the offered permissions; offending: [{"streamId":"health","level":"manage"}]',
      ],
      [
        [health, { feature: 'selfRevoke', setting: 'allowed' }],
        'grantedPermissions must be a subset of the offered permissions; offending: [{"feature":"selfRevoke","setting":"allowed"}]',
      ],
      [
        [{ streamId: 'health', level: 'admin' }],
        'grantedPermissions invalid: invalid permission at index 0: expected {streamId, level in [none, read, create-only, contribute, manage]} or {feature, setting in [forbidden, allowed]}',
      ],
    ]
    for (const [granted, description] of cases) {
      expect(await accept(state, granted)).toEqual({
        status: 400,
        json: { error: 'invalid_scope', error_description: description },
      })
    }
    expect(await accessesOf('demo-user')).toEqual([])
  })

  it('answers the body errors in the server order', async () => {
    const { state } = await consentRequest()
    const token = await signIn()
    const cases: [Json, string][] = [
      [{ username: 'demo-user', userToken: token, grantedPermissions: [health] }, 'state is required'],
      [{ state, userToken: token, grantedPermissions: [health] }, 'username is required'],
      [{ state, username: 'demo-user', grantedPermissions: [health] }, 'userToken is required'],
      [
        { state, username: 'demo-user', userToken: token, grantedScope: ['cmc:share'] },
        'grantedPermissions must be an array',
      ],
    ]
    for (const [body, description] of cases) {
      const response = await postJson('/oauth2/authorize/accept', body)
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({ error: 'invalid_request', error_description: description })
    }
  })

  it('takes only a live personal token of that user', async () => {
    const { state } = await consentRequest()
    const otherToken = await signIn('other-user', 'other-password-1')
    const noSession = {
      error: 'invalid_request',
      error_description: 'username + userToken did not resolve to a valid user session',
    }
    expect(await accept(state, [health], 'demo-user', 'not-a-token')).toEqual({ status: 401, json: noSession })
    expect(await accept(state, [health], 'demo-user', otherToken)).toEqual({ status: 401, json: noSession })
    expect(await accept(state, [health], 'demo-user', await seededAppToken())).toEqual({
      status: 500,
      json: { error: 'server_error', error_description: 'failed to create access' },
    })
  })

  it('refuses a tampered, garbled or expired state, for accept and refuse alike', async () => {
    const { state } = await consentRequest()
    const [body, mac] = state.split('.') as [string, string]
    const payload = decodePayload(state)
    const widened = Buffer.from(
      JSON.stringify({
        ...payload,
        offer: { ...(payload.offer as Json), allowUserChoice: true, permissions: [{ streamId: '*', level: 'manage' }] },
      }),
    ).toString('base64url')
    const cases: [string, string][] = [
      [`${widened}.${mac}`, 'signed state bad_signature'],
      [`${body}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, 'signed state bad_signature'],
      [body, 'signed state malformed'],
      [`${body}.`, 'signed state malformed'],
    ]
    for (const [given, description] of cases) {
      expect(await accept(given, [health])).toEqual({
        status: 400,
        json: { error: 'invalid_request', error_description: description },
      })
      const refused = await postJson('/oauth2/authorize/refuse', { state: given })
      expect(await refused.json()).toEqual({ error: 'invalid_request', error_description: description })
    }
    // Seconds tick during the test: move the clock to 2 s before the end, then to the end.
    const { now } = await control<{ now: number }>('GET', '/oauth')
    await control('POST', '/oauth/clock', { advanceSeconds: Number(payload.exp) - 2 - now })
    expect((await postJson('/oauth2/authorize/refuse', { state })).status).toBe(200)
    await control('POST', '/oauth/clock', { advanceSeconds: 2 })
    expect(await accept(state, [health])).toEqual({
      status: 400,
      json: { error: 'invalid_request', error_description: 'signed state expired' },
    })
    expect(await (await postJson('/oauth2/authorize/refuse', { state })).json()).toEqual({
      error: 'invalid_request',
      error_description: 'signed state expired',
    })
  })

  it('follows the fault switches: a 500 on accept creates nothing, the next try succeeds', async () => {
    const { state } = await consentRequest()
    const token = await signIn()
    await control('POST', '/faults', { rules: [{ method: 'POST', path: '^/oauth2/authorize/accept$', status: 500 }] })
    expect((await accept(state, [health], 'demo-user', token)).status).toBe(500)
    expect(await accessesOf('demo-user')).toEqual([])
    expect((await control<{ codes: Json[] }>('GET', '/oauth')).codes).toEqual([])
    expect((await accept(state, [health], 'demo-user', token)).status).toBe(200)
  })

  it('answers browsers of any origin', async () => {
    const preflight = await fetch(`${platform.url}/oauth2/authorize/accept`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://auth.example', 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.status).toBe(200)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://auth.example')
  })
})

async function seededAppToken(): Promise<string> {
  const access = await control<{ token: string }>('POST', '/users/demo-user/accesses', {
    name: 'some-app',
    permissions: [health],
  })
  return access.token
}

describe('POST /oauth2/authorize/refuse', () => {
  it('sends the client access_denied with its state and the issuer, and creates nothing', async () => {
    const { state, flow } = await consentRequest()
    const refused = await postJson('/oauth2/authorize/refuse', { state })
    expect(refused.status).toBe(200)
    expect(refused.headers.get('cache-control')).toBe('no-store')
    const back = new URL(String(((await refused.json()) as Json).redirectTo))
    expect(back.origin + back.pathname).toBe(redirectUri)
    expect(Object.fromEntries(back.searchParams)).toEqual({
      error: 'access_denied',
      state: flow.csrf,
      iss: platform.url,
    })
    expect(await accessesOf('demo-user')).toEqual([])
    expect((await control<{ decisions: Json[] }>('GET', '/oauth')).decisions).toEqual([
      { kind: 'refuse', clientId: 'demo-health-study', offerName: 'share' },
    ])
    expect(await (await postJson('/oauth2/authorize/refuse', {})).json()).toEqual({
      error: 'invalid_request',
      error_description: 'state is required',
    })
    const asForm = await fetch(`${platform.url}/oauth2/authorize/refuse`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state }).toString(),
    })
    expect(asForm.status).toBe(200)
  })
})

describe('the demo OAuth client page', () => {
  it('is served with its start form and the offers to try', async () => {
    const page = await (await fetch(`${platform.url}/demo-oauth-client/`)).text()
    expect(page).toContain('cmc:share')
    expect(page).toContain('cmc:intl')
    expect((await fetch(`${platform.url}/demo-oauth-client/callback?code=x`)).status).toBe(200)
  })
})
