import type { Service } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/services/appError'
import {
  readVerifyAnswer,
  readVerifyLink,
  verifyEmail,
  verifyOnce,
  type VerifyOutcome,
} from '@/services/account/emailVerification'
import { stubJsonAnswer } from '../jsonFetch'

afterEach(() => vi.unstubAllGlobals())

/** A Service knowing one account, `alice` (alice@example.com), on a DNS-less platform. */
function fakeService(failure?: unknown): Service {
  const fake = {
    async userIdForEmail(email: string) {
      if (failure) throw failure
      return email === 'alice@example.com' ? 'alice' : null
    },
    async userExists(username: string) {
      if (failure) throw failure
      return username === 'alice'
    },
    async apiEndpointFor(username: string) {
      return `https://pryv.example/${username}/`
    },
  }
  return fake as unknown as Service
}

const answer = (status: number, body: unknown) => ({ status, ok: status >= 200 && status < 300, body })
const invalidToken = { error: { id: 'invalid-access-token', message: 'The verification token is invalid or expired.' } }

describe('readVerifyLink', () => {
  it('reads the token and a trimmed username', () => {
    expect(readVerifyLink('t0k', ' alice ')).toEqual({ token: 't0k', username: 'alice' })
  })

  it('has no username when the link gives none or only spaces', () => {
    expect(readVerifyLink('t0k', undefined)).toEqual({ token: 't0k', username: null })
    expect(readVerifyLink('t0k', '  ')).toEqual({ token: 't0k', username: null })
  })

  it('is nothing without a token', () => {
    expect(readVerifyLink(undefined, 'alice')).toBeNull()
    expect(readVerifyLink('', 'alice')).toBeNull()
  })
})

describe('readVerifyAnswer', () => {
  it('reads the verified address', () => {
    expect(readVerifyAnswer(answer(200, { email: 'a@example.com' }))).toEqual({
      kind: 'verified',
      email: 'a@example.com',
    })
  })

  it('takes a success without an address for an unexpected answer', () => {
    for (const body of [{}, { email: '' }, { email: 3 }, null]) {
      const outcome = readVerifyAnswer(answer(200, body))
      expect(outcome, JSON.stringify(body)).toEqual({ kind: 'failed', error: expect.any(AppError) })
      expect(outcome.kind === 'failed' && outcome.error.code).toBe('unexpected-answer')
    }
  })

  it('gives one outcome for every refused token', () => {
    expect(readVerifyAnswer(answer(401, invalidToken))).toEqual({ kind: 'invalid-link' })
  })

  it('tells an unknown account apart', () => {
    const unknown = { error: { id: 'unknown-resource', message: 'Unknown user "bob"' } }
    expect(readVerifyAnswer(answer(404, unknown))).toEqual({ kind: 'unknown-user' })
  })

  it('keeps other refusals as failures with their reason', () => {
    const untrusted = {
      error: { id: 'invalid-credentials', message: 'The app id ("appId") is either missing or not trusted.' },
    }
    const cases: Array<[number, unknown, string]> = [
      [401, untrusted, 'untrusted-app'],
      [400, { error: { id: 'invalid-parameters-format', message: 'bad' } }, 'invalid-request'],
      [500, { error: { id: 'unexpected-error', message: 'boom' } }, 'server'],
      [503, 'down', 'server'],
      [401, { error: { id: 'other', message: 'x' } }, 'unknown'],
      [403, { error: { id: 'invalid-access-token', message: 'x' } }, 'session-expired'],
    ]
    for (const [status, body, code] of cases) {
      const outcome = readVerifyAnswer(answer(status, body))
      expect(outcome.kind === 'failed' && outcome.error.code, `${status} ${JSON.stringify(body)}`).toBe(code)
    }
  })
})

describe('verifyEmail', () => {
  it('posts the app id and token, without any Authorization, to the account the username names', async () => {
    const fetchMock = stubJsonAnswer(200, '{"email":"a@example.com"}')
    expect(await verifyEmail(fakeService(), 'Alice', 't0k', 'my-app')).toEqual({
      kind: 'verified',
      email: 'a@example.com',
    })
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('https://pryv.example/alice/account/verify-email')
    expect(init?.method).toBe('POST')
    expect(JSON.parse(String(init?.body))).toEqual({ appId: 'my-app', token: 't0k' })
    expect(init?.headers).not.toHaveProperty('Authorization')
  })

  it('finds the account behind an e-mail, as the sign-in does', async () => {
    const fetchMock = stubJsonAnswer(401, JSON.stringify(invalidToken))
    expect(await verifyEmail(fakeService(), 'alice@example.com', 't0k', 'my-app')).toEqual({ kind: 'invalid-link' })
    expect(fetchMock.mock.calls[0]?.[0]).toBe('https://pryv.example/alice/account/verify-email')
  })

  it('sends nothing for an account that does not exist', async () => {
    const fetchMock = stubJsonAnswer(200, '{"email":"a@example.com"}')
    // An address with no account reads as a link that does not work: the page never tells which addresses have one.
    expect(await verifyEmail(fakeService(), 'bob@example.com', 't0k', 'my-app')).toEqual({ kind: 'invalid-link' })
    expect(await verifyEmail(fakeService(), 'bobby', 't0k', 'my-app')).toEqual({ kind: 'unknown-user' })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('reports an unreachable platform as a failure worth retrying', async () => {
    const outcome = await verifyEmail(fakeService(new TypeError('Failed to fetch')), 'alice', 't0k', 'my-app')
    expect(outcome.kind === 'failed' && outcome.error.code).toBe('network')
    expect(outcome.kind === 'failed' && outcome.error.retryable).toBe(true)
  })
})

describe('verifyOnce', () => {
  function deferredCalls() {
    const logins: string[] = []
    const settle: Array<(outcome: VerifyOutcome) => void> = []
    const call = (login: string) => {
      logins.push(login)
      return new Promise<VerifyOutcome>((resolve) => settle.push(resolve))
    }
    return { logins, settle, verify: verifyOnce(call) }
  }

  it('makes one call for asks while it runs, and none after a final answer', async () => {
    const { logins, settle, verify } = deferredCalls()
    const first = verify('alice')
    const second = verify('alice')
    expect(second).toBe(first)
    settle[0]?.({ kind: 'verified', email: 'a@example.com' })
    expect(await first).toEqual({ kind: 'verified', email: 'a@example.com' })
    expect(await verify('bob')).toEqual({ kind: 'verified', email: 'a@example.com' })
    expect(logins).toEqual(['alice'])
  })

  it('never sends a refused link again', async () => {
    const { logins, settle, verify } = deferredCalls()
    const first = verify('alice')
    settle[0]?.({ kind: 'invalid-link' })
    await first
    expect(await verify('alice')).toEqual({ kind: 'invalid-link' })
    expect(logins).toEqual(['alice'])
  })

  it('calls again after an unknown name or a failure that may pass', async () => {
    const { logins, settle, verify } = deferredCalls()
    const first = verify('bobby')
    settle[0]?.({ kind: 'unknown-user' })
    await first
    const second = verify('alice')
    expect(second).not.toBe(first)
    settle[1]?.({ kind: 'failed', error: new AppError('network') })
    await second
    const third = verify('alice')
    expect(verify('alice')).toBe(third)
    settle[2]?.({ kind: 'verified', email: 'a@example.com' })
    expect(await third).toEqual({ kind: 'verified', email: 'a@example.com' })
    expect(logins).toEqual(['bobby', 'alice', 'alice'])
  })
})
