// @vitest-environment node
import type { Connection } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  confirmMfaEnrolment,
  deactivateMfa,
  readMfaStatus,
  resendEnrolmentCode,
  startMfaEnrolment,
} from '@/services/account/mfaEnrolment'
import { appErrorOf, stubJsonAnswer } from '../jsonFetch'

const connection = { endpoint: 'https://api.example.com/alice/', token: 'personal-token' } as Connection
const codes = Array.from({ length: 10 }, (_, index) => `code-${index}`)

afterEach(() => vi.unstubAllGlobals())

function sent(fetchMock: ReturnType<typeof stubJsonAnswer>) {
  const [url, init] = fetchMock.mock.calls[0] ?? []
  const headers = (init?.headers ?? {}) as Record<string, string>
  return { url, method: init?.method, authorization: headers.Authorization, body: init?.body, redirect: init?.redirect }
}

describe('readMfaStatus', () => {
  it('reads profile/private with the personal token: off, or on with the phone masked', async () => {
    const fetchMock = stubJsonAnswer(200, JSON.stringify({ profile: {} }))
    expect(await readMfaStatus(connection)).toEqual({ on: false })
    expect(sent(fetchMock)).toMatchObject({
      url: 'https://api.example.com/alice/profile/private',
      method: 'GET',
      authorization: 'personal-token',
    })
    stubJsonAnswer(
      200,
      JSON.stringify({ profile: { mfa: { content: { phone: '+41791234589' }, recoveryCodes: codes } } }),
    )
    const status = await readMfaStatus(connection)
    expect(status).toEqual({ on: true, phoneHint: '•••• 89' })
    expect(JSON.stringify(status)).not.toContain('code-')
  })

  it('says off for an answer without a profile or that is not an object', async () => {
    for (const body of ['null', '"text"', '{}', '{"profile":null}']) {
      stubJsonAnswer(200, body)
      expect(await readMfaStatus(connection), body).toEqual({ on: false })
    }
  })

  it('says on without a phone, and turns an ended session into its error', async () => {
    stubJsonAnswer(200, JSON.stringify({ profile: { mfa: { recoveryCodes: codes } } }))
    expect(await readMfaStatus(connection)).toEqual({ on: true, phoneHint: '••••' })
    stubJsonAnswer(
      403,
      JSON.stringify({ error: { id: 'invalid-access-token', message: 'Access session has expired.' } }),
    )
    expect((await appErrorOf(readMfaStatus(connection))).code).toBe('session-expired')
  })
})

describe('startMfaEnrolment', () => {
  it('reads the mfaToken from the body of a 302 without Location, with fetch left to its default redirect mode', async () => {
    const fetchMock = stubJsonAnswer(302, JSON.stringify({ mfaToken: 'mfa-1' }))
    expect(await startMfaEnrolment(connection, '+41791234589')).toEqual({ kind: 'code-sent', mfaToken: 'mfa-1' })
    expect(sent(fetchMock)).toEqual({
      url: 'https://api.example.com/alice/mfa/activate',
      method: 'POST',
      authorization: 'personal-token',
      body: JSON.stringify({ phone: '+41791234589' }),
      redirect: undefined,
    })
  })

  it('takes the token from a 200 too, and says when the platform offers no two-factor', async () => {
    stubJsonAnswer(200, JSON.stringify({ mfaToken: 'mfa-2' }))
    expect(await startMfaEnrolment(connection, '+41791234589')).toEqual({ kind: 'code-sent', mfaToken: 'mfa-2' })
    stubJsonAnswer(
      503,
      JSON.stringify({ error: { id: 'api-unavailable', message: 'MFA is not enabled on this server.' } }),
    )
    expect(await startMfaEnrolment(connection, '+41791234589')).toEqual({ kind: 'unavailable' })
  })

  it('refuses a redirect without a token, another 503, a refusal and an ended session', async () => {
    stubJsonAnswer(302, JSON.stringify({}))
    expect((await appErrorOf(startMfaEnrolment(connection, '+41'))).code).toBe('unexpected-answer')
    stubJsonAnswer(399, JSON.stringify({ mfaToken: '' }))
    expect((await appErrorOf(startMfaEnrolment(connection, '+41'))).code).toBe('unexpected-answer')
    stubJsonAnswer(302, 'null')
    expect((await appErrorOf(startMfaEnrolment(connection, '+41'))).code).toBe('unexpected-answer')
    stubJsonAnswer(503, 'null')
    expect((await appErrorOf(startMfaEnrolment(connection, '+41'))).code).toBe('server')
    stubJsonAnswer(500, JSON.stringify({ error: { id: 'api-unavailable', message: 'MFA is not enabled.' } }))
    expect((await appErrorOf(startMfaEnrolment(connection, '+41'))).code).toBe('server')
    stubJsonAnswer(503, JSON.stringify({ error: { id: 'unexpected-error', message: 'down' } }))
    expect((await appErrorOf(startMfaEnrolment(connection, '+41'))).code).toBe('server')
    stubJsonAnswer(400, JSON.stringify({ error: { id: 'invalid-parameters-format', message: 'bad phone' } }))
    expect((await appErrorOf(startMfaEnrolment(connection, '+41'))).code).toBe('invalid-request')
    stubJsonAnswer(403, JSON.stringify({ error: { id: 'invalid-access-token', message: 'expired' } }))
    expect((await appErrorOf(startMfaEnrolment(connection, '+41'))).code).toBe('session-expired')
  })
})

describe('confirmMfaEnrolment and resendEnrolmentCode', () => {
  it('confirm with the mfaToken and the trimmed code, answering the recovery codes', async () => {
    const fetchMock = stubJsonAnswer(200, JSON.stringify({ recoveryCodes: codes }))
    expect(await confirmMfaEnrolment(connection, 'mfa-1', ' 123456 ')).toEqual(codes)
    expect(sent(fetchMock)).toMatchObject({
      url: 'https://api.example.com/alice/mfa/confirm',
      authorization: 'mfa-1',
      body: JSON.stringify({ code: '123456' }),
    })
    stubJsonAnswer(200, JSON.stringify({ recoveryCodes: [] }))
    expect((await appErrorOf(confirmMfaEnrolment(connection, 'mfa-1', '1'))).code).toBe('unexpected-answer')
  })

  it('say a wrong code and an expired verification in our words, without the provider’s text', async () => {
    const providerText = 'MFA SMS provider error: HTTP 400 Invalid code'
    stubJsonAnswer(
      400,
      JSON.stringify({
        error: { id: 'invalid-operation', message: providerText, data: { id: 'mfa-sms-provider-error' } },
      }),
    )
    const wrong = await appErrorOf(confirmMfaEnrolment(connection, 'mfa-1', '000000'))
    expect([wrong.code, wrong.details]).toEqual(['invalid-mfa-code', []])
    stubJsonAnswer(
      401,
      JSON.stringify({ error: { id: 'invalid-access-token', message: 'Invalid or expired MFA session token.' } }),
    )
    const expired = await appErrorOf(confirmMfaEnrolment(connection, 'mfa-1', '000000'))
    expect([expired.code, expired.details]).toEqual(['mfa-expired', []])
    expect((await appErrorOf(resendEnrolmentCode(connection, 'mfa-1'))).code).toBe('mfa-expired')
  })

  it('resend through mfa/challenge with the mfaToken', async () => {
    const fetchMock = stubJsonAnswer(200, JSON.stringify({ message: 'Please enter the code you received by SMS.' }))
    await resendEnrolmentCode(connection, 'mfa-1')
    expect(sent(fetchMock)).toMatchObject({
      url: 'https://api.example.com/alice/mfa/challenge',
      method: 'POST',
      authorization: 'mfa-1',
    })
  })
})

describe('a connection without a token', () => {
  it('sends an empty Authorization, never the word "undefined"', async () => {
    const tokenless = { endpoint: 'https://api.example.com/alice/', token: null } as unknown as Connection
    const fetchMock = stubJsonAnswer(200, JSON.stringify({ profile: {} }))
    await readMfaStatus(tokenless)
    await startMfaEnrolment(tokenless, '+41791234589').catch(() => undefined)
    await deactivateMfa(tokenless)
    expect(fetchMock.mock.calls.map(([, init]) => (init?.headers as Record<string, string>).Authorization)).toEqual([
      '',
      '',
      '',
    ])
  })
})

describe('deactivateMfa', () => {
  it('posts mfa/deactivate with the personal token, and passes a refusal on', async () => {
    const fetchMock = stubJsonAnswer(200, JSON.stringify({ message: 'MFA deactivated.' }))
    await deactivateMfa(connection)
    expect(sent(fetchMock)).toMatchObject({
      url: 'https://api.example.com/alice/mfa/deactivate',
      method: 'POST',
      authorization: 'personal-token',
      body: '{}',
    })
    stubJsonAnswer(403, JSON.stringify({ error: { id: 'forbidden', message: 'A personal access token is required.' } }))
    expect((await appErrorOf(deactivateMfa(connection))).code).toBe('forbidden')
  })
})
