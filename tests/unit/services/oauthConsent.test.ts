import { afterEach, describe, expect, it, vi } from 'vitest'
import { acceptConsent, refuseConsent } from '@/services/oauthConsent'
import { appErrorOf as failure, stubJsonAnswer } from './jsonFetch'

const call = { pryvApi: 'https://pryv.example', state: 'c2lnbmVk.bWFj' }

function answer(status: number, body: unknown) {
  return stubJsonAnswer(status, JSON.stringify(body))
}

const acceptance = {
  username: 'alice',
  userToken: 'personal-token',
  grantedPermissions: [{ streamId: 'diary', level: 'read' }],
}

afterEach(() => vi.unstubAllGlobals())

describe('acceptConsent', () => {
  it('posts the state verbatim, the user, the personal token and the grant to {pryvApi}/oauth2/authorize/accept', async () => {
    const fetchMock = answer(200, { redirectTo: 'https://client.example/cb?code=c&state=s' })
    expect(await acceptConsent(call, acceptance)).toBe('https://client.example/cb?code=c&state=s')
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('https://pryv.example/oauth2/authorize/accept')
    expect(JSON.parse(String(init?.body))).toEqual({ state: call.state, ...acceptance })
  })

  it.each([
    [400, 'invalid_request', 'signed state expired', 'consent-expired'],
    [400, 'invalid_request', 'signed state not_yet_valid', 'consent-expired'],
    [400, 'invalid_request', 'signed state bad_signature', 'consent-invalid'],
    [400, 'invalid_request', 'signed state malformed', 'consent-invalid'],
    [
      400,
      'invalid_request',
      'signed state carries no consent offer — restart the authorization flow',
      'consent-invalid',
    ],
    [400, 'invalid_scope', 'mandatory permissions cannot be unticked; missing: []', 'consent-choice-refused'],
    [
      400,
      'invalid_scope',
      'this consent is all-or-nothing (the offer does not allow user choice); missing: []',
      'consent-choice-refused',
    ],
    [401, 'invalid_request', 'username + userToken did not resolve to a valid user session', 'session-expired'],
    [500, 'server_error', 'failed to create access', 'server'],
  ])('maps %i %s "%s" to %s', async (status, error, description, code) => {
    answer(status, { error, error_description: description })
    expect((await failure(acceptConsent(call, acceptance))).code).toBe(code)
  })

  it("keeps the platform's words of a refused choice as a detail, and a 5xx can be retried", async () => {
    answer(400, {
      error: 'invalid_scope',
      error_description: 'grantedPermissions widen the offer under the stream hierarchy — B',
    })
    expect((await failure(acceptConsent(call, acceptance))).details).toEqual([
      'grantedPermissions widen the offer under the stream hierarchy — B',
    ])
    answer(503, { error: 'server_error', error_description: 'failed to create access' })
    expect((await failure(acceptConsent(call, acceptance))).retryable).toBe(true)
  })

  it('calls a 200 without a redirect an unexpected answer', async () => {
    answer(200, { redirectTo: 42 })
    expect((await failure(acceptConsent(call, acceptance))).code).toBe('unexpected-answer')
    answer(200, null)
    expect((await failure(acceptConsent(call, acceptance))).code).toBe('unexpected-answer')
  })

  it('reads the state problem only from the start of the words, and calls any other refusal an invalid consent', async () => {
    answer(400, { error: 'invalid_request', error_description: 'the signed state expired before' })
    expect((await failure(acceptConsent(call, acceptance))).code).toBe('consent-invalid')
    answer(400, { error: 'invalid_request', error_description: 'client mismatch' })
    expect(await failure(acceptConsent(call, acceptance))).toMatchObject({
      code: 'consent-invalid',
      details: ['client mismatch'],
    })
  })

  it('needs no words: a refusal without a description or a JSON object has no detail', async () => {
    for (const body of [{ error: 'invalid_scope' }, null, 'refused']) {
      answer(400, body)
      const error = await failure(acceptConsent(call, acceptance))
      expect([error.code, error.details], JSON.stringify(body)).toEqual([
        body === null || typeof body === 'string' ? 'consent-invalid' : 'consent-choice-refused',
        [],
      ])
    }
  })

  it("keeps at most 500 characters of the platform's words", async () => {
    answer(400, { error: 'invalid_scope', error_description: 'x'.repeat(600) })
    expect((await failure(acceptConsent(call, acceptance))).details).toEqual(['x'.repeat(500)])
  })
})

describe('refuseConsent', () => {
  it('posts only the state to {pryvApi}/oauth2/authorize/refuse', async () => {
    const fetchMock = answer(200, { redirectTo: 'https://client.example/cb?error=access_denied' })
    expect(await refuseConsent(call)).toBe('https://client.example/cb?error=access_denied')
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('https://pryv.example/oauth2/authorize/refuse')
    expect(JSON.parse(String(init?.body))).toEqual({ state: call.state })
  })
})
