// @vitest-environment node
import pryv from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { recoverMfa, resendMfaCode, resolveUsername, signIn, signOut, verifyMfaCode } from '@/services/signIn'
import { appErrorOf } from './jsonFetch'

// The sign-in as it reaches the platform: the real `pryv` library over a `fetch` that records each request
// and answers it from `routes` (`METHOD path` on the platform's hosts), else with a 404.

interface SentRequest {
  method: string
  url: string
  authorization: string | null
  body: unknown
}

type Answer = { status: number; body: unknown } | 'offline'

const info = {
  api: 'https://{username}.pryv.example/',
  register: 'https://reg.pryv.example/',
  access: 'https://access.pryv.example/access/',
  name: 'Pryv Lab',
}

function platform(routes: Record<string, Answer>) {
  const sent: SentRequest[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET'
      const headers = new Headers(init.headers)
      sent.push({
        method,
        url,
        authorization: headers.get('Authorization'),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      })
      const answer = routes[`${method} ${url}`] ?? { status: 404, body: { error: { id: 'unknown-resource' } } }
      if (answer === 'offline') throw new TypeError('Failed to fetch')
      return new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'Content-Type': 'application/json' },
      })
    }),
  )
  const service = new pryv.Service('https://reg.pryv.example/service/info')
  service.setServiceInfo(info as Parameters<typeof service.setServiceInfo>[0])
  return { service, sent }
}

const ok = (body: unknown = {}): Answer => ({ status: 200, body })
const failed = (status: number, id: string, message = ''): Answer => ({ status, body: { error: { id, message } } })

afterEach(() => vi.unstubAllGlobals())

describe('resolveUsername', () => {
  it('takes a username as it is, trimmed and in lower case, without asking the platform', async () => {
    const { service, sent } = platform({})
    expect(await resolveUsername(service, '  Alice ')).toBe('alice')
    expect(sent).toEqual([])
  })

  it('asks the register for the username behind an e-mail, trimmed', async () => {
    const { service, sent } = platform({
      'GET https://reg.pryv.example/alice%40example.com/uid': ok({ uid: 'alice' }),
    })
    expect(await resolveUsername(service, ' alice@example.com ')).toBe('alice')
    expect(sent.map((request) => `${request.method} ${request.url}`)).toEqual([
      'GET https://reg.pryv.example/alice%40example.com/uid',
    ])
  })

  it('answers an e-mail without an account as a wrong password would', async () => {
    const { service } = platform({})
    expect((await appErrorOf(resolveUsername(service, 'nobody@example.com'))).code).toBe('invalid-credentials')
  })
})

describe('signIn', () => {
  const login = 'POST https://alice.pryv.example/auth/login'

  it("posts the credentials and the app id to the account's auth/login, and keeps the personal session", async () => {
    const { service, sent } = platform({ [login]: ok({ token: 'personal-token' }) })
    const result = await signIn(service, 'alice', 'password-1', 'pryv-app-web-auth-3')
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'https://alice.pryv.example/auth/login',
        authorization: null,
        body: { username: 'alice', password: 'password-1', appId: 'pryv-app-web-auth-3' },
      },
    ])
    expect(result.kind).toBe('signed-in')
    if (result.kind !== 'signed-in') return
    expect(result.session.username).toBe('alice')
    expect([result.session.connection.endpoint, result.session.connection.token]).toEqual([
      'https://alice.pryv.example/',
      'personal-token',
    ])
  })

  it('gives an MFA requirement as a result, with its token', async () => {
    const { service } = platform({ [login]: ok({ mfaToken: 'mfa-token' }) })
    expect(await signIn(service, 'alice', 'password-1', 'app')).toEqual({
      kind: 'mfa-required',
      username: 'alice',
      mfaToken: 'mfa-token',
    })
  })

  it("says what went wrong: the platform's reason, or the network", async () => {
    const { service } = platform({ [login]: failed(401, 'invalid-credentials', 'The password is wrong.') })
    const error = await appErrorOf(signIn(service, 'alice', 'password-1', 'app'))
    expect([error.code, error.details]).toEqual(['invalid-credentials', ['The password is wrong.']])
    const offline = platform({ [login]: 'offline' })
    expect((await appErrorOf(signIn(offline.service, 'alice', 'password-1', 'app'))).code).toBe('network')
  })

  it('says a former username is one no more: the platform refuses its name in the body on its alias path', async () => {
    const message = 'The username in the path does not match that of the credentials.'
    const { service } = platform({ [login]: failed(400, 'invalid-operation', message) })
    expect((await appErrorOf(signIn(service, 'alice', 'password-1', 'app'))).code).toBe('username-changed')
  })
})

describe('MFA', () => {
  const challenge = 'POST https://alice.pryv.example/mfa/challenge'
  const verify = 'POST https://alice.pryv.example/mfa/verify'
  const recover = 'POST https://alice.pryv.example/mfa/recover'

  it('asks for a new code with the MFA token; an expired token is said so', async () => {
    const { service, sent } = platform({ [challenge]: ok() })
    await resendMfaCode(service, 'alice', 'mfa-token')
    expect(sent.map((request) => [request.url, request.authorization])).toEqual([
      ['https://alice.pryv.example/mfa/challenge', 'mfa-token'],
    ])
    for (const id of ['invalid-access-token', 'forbidden']) {
      const expired = platform({ [challenge]: failed(403, id) })
      expect((await appErrorOf(resendMfaCode(expired.service, 'alice', 'mfa-token'))).code, id).toBe('mfa-expired')
    }
  })

  it('sends the code trimmed with the MFA token, and opens the personal session', async () => {
    const { service, sent } = platform({ [verify]: ok({ token: 'personal-token' }) })
    const session = await verifyMfaCode(service, 'alice', 'mfa-token', ' 123456 ')
    expect(sent.map((request) => [request.url, request.authorization, request.body])).toEqual([
      ['https://alice.pryv.example/mfa/verify', 'mfa-token', { code: '123456' }],
    ])
    expect([session.username, session.connection.token]).toEqual(['alice', 'personal-token'])
  })

  it('says a wrong code or an expired MFA token', async () => {
    const cases: Array<[Answer, string]> = [
      [failed(400, 'invalid-operation'), 'invalid-mfa-code'],
      [failed(403, 'invalid-access-token'), 'mfa-expired'],
      [failed(403, 'forbidden'), 'mfa-expired'],
    ]
    for (const [answer, code] of cases) {
      const { service } = platform({ [verify]: answer })
      expect((await appErrorOf(verifyMfaCode(service, 'alice', 'mfa-token', '123456'))).code).toBe(code)
    }
  })

  it('posts the recovery code trimmed, with the credentials, to the account', async () => {
    const { service, sent } = platform({ [recover]: ok() })
    await recoverMfa(service, 'alice', 'password-1', ' recovery-01 ')
    expect(sent).toEqual([
      {
        method: 'POST',
        url: 'https://alice.pryv.example/mfa/recover',
        authorization: null,
        body: { username: 'alice', password: 'password-1', recoveryCode: 'recovery-01' },
      },
    ])
  })

  it('says a wrong recovery code, or that MFA is not on', async () => {
    const cases: Array<[Answer, string]> = [
      [failed(400, 'invalid-parameters-format'), 'invalid-recovery-code'],
      [failed(400, 'invalid-operation'), 'mfa-not-active'],
      [failed(401, 'invalid-credentials'), 'invalid-credentials'],
    ]
    for (const [answer, code] of cases) {
      const { service } = platform({ [recover]: answer })
      expect((await appErrorOf(recoverMfa(service, 'alice', 'password-1', 'recovery-01'))).code).toBe(code)
    }
  })
})

describe('signOut', () => {
  it('calls auth.logout with the personal token', async () => {
    const { service, sent } = platform({
      'POST https://alice.pryv.example/': ok({ results: [{}], meta: { serverTime: 0 } }),
      'POST https://alice.pryv.example/auth/login': ok({ token: 'personal-token' }),
    })
    const signedIn = await signIn(service, 'alice', 'password-1', 'app')
    if (signedIn.kind !== 'signed-in') throw new Error('not signed in')
    await signOut(signedIn.session)
    expect(sent.slice(1).map((request) => [request.url, request.authorization, request.body])).toEqual([
      ['https://alice.pryv.example/', 'personal-token', [{ method: 'auth.logout', params: {} }]],
    ])
  })
})
