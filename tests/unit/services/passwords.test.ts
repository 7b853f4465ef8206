import type { Service } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { changePassword, requestPasswordReset, resetPassword } from '@/services/passwords'
import { fakeApiSession } from './fakeApi'

/** What `pryv` throws for an HTTP error answer. */
function httpError(status: number, error: Record<string, unknown>) {
  return { id: error.id, status, response: { status, body: { error } } }
}

function serviceFailingWith(failure: unknown): Service {
  const fail = async () => {
    throw failure
  }
  return { requestPasswordReset: fail, resetPassword: fail } as unknown as Service
}

describe('requestPasswordReset', () => {
  it('calls the platform with our app id', async () => {
    const calls: unknown[][] = []
    const service = { requestPasswordReset: async (...args: unknown[]) => void calls.push(args) } as unknown as Service
    await requestPasswordReset(service, 'alice', 'our-app')
    expect(calls).toEqual([['alice', 'our-app']])
  })

  it('answers an account that vanished meanwhile like any other', async () => {
    await expect(
      requestPasswordReset(
        serviceFailingWith(httpError(404, { id: 'unknown-resource', message: 'Unknown user' })),
        'bob',
        'our-app',
      ),
    ).resolves.toBeUndefined()
  })

  it('says the mail could not be sent when the platform answers 500, keeping its words', async () => {
    const failure = httpError(500, { id: 'unexpected-error', message: 'Could not send the e-mail.' })
    await expect(requestPasswordReset(serviceFailingWith(failure), 'alice', 'our-app')).rejects.toMatchObject({
      code: 'reset-mail-failed',
      details: ['Could not send the e-mail.'],
      retryable: true,
    })
  })

  it('keeps other failures as they are', async () => {
    await expect(
      requestPasswordReset(serviceFailingWith(httpError(503, { id: 'api-unavailable' })), 'alice', 'our-app'),
    ).rejects.toMatchObject({ code: 'server' })
    await expect(
      requestPasswordReset(serviceFailingWith(new TypeError('Failed to fetch')), 'alice', 'our-app'),
    ).rejects.toMatchObject({ code: 'network' })
  })
})

describe('resetPassword', () => {
  it("passes the token to the platform's reset call", async () => {
    const calls: unknown[][] = []
    const service = { resetPassword: async (...args: unknown[]) => void calls.push(args) } as unknown as Service
    await resetPassword(service, 'alice', 'new-password-1', 'token-1', 'our-app')
    expect(calls).toEqual([['alice', 'new-password-1', 'token-1', 'our-app']])
  })

  it.each([
    [
      'a bad or used token',
      httpError(401, { id: 'invalid-access-token', message: 'The reset token is invalid or expired' }),
    ],
    [
      'a malformed token',
      httpError(400, {
        id: 'invalid-parameters-format',
        message: 'Invalid',
        data: [{ path: '#/resetToken', message: 'must be string' }],
      }),
    ],
    ['an unknown account', httpError(404, { id: 'unknown-resource', message: 'Unknown user' })],
  ])('tells %s as an invalid reset link', async (_case, failure) => {
    await expect(
      resetPassword(serviceFailingWith(failure), 'alice', 'new-password-1', 't', 'our-app'),
    ).rejects.toMatchObject({ code: 'invalid-reset-token' })
  })

  it('tells a password the platform refuses, in its words', async () => {
    const failure = httpError(400, {
      id: 'invalid-parameters-format',
      message: 'Too short',
      data: [{ param: 'newPassword', message: 'At least 8 characters.' }],
    })
    await expect(resetPassword(serviceFailingWith(failure), 'alice', 'abc', 't', 'our-app')).rejects.toMatchObject({
      code: 'password-refused',
      fields: { newPassword: 'At least 8 characters.' },
    })
  })
})

describe('changePassword', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('calls account.changePassword with both passwords', async () => {
    const { session, calls } = fakeApiSession(() => ({}))
    await changePassword(session.connection, 'old-password-1', 'new-password-1')
    expect(calls).toEqual([
      { method: 'account.changePassword', params: { oldPassword: 'old-password-1', newPassword: 'new-password-1' } },
    ])
  })

  it.each([
    [
      'complexity',
      {
        id: 'invalid-parameters-format',
        message: 'The new password does not follow complexity rules: at least 8 are required',
        data: ['at least 8 are required'],
      },
    ],
    [
      'reuse',
      {
        id: 'invalid-operation',
        message: 'The new password does not follow reuse rules: found in the 3 last used passwords',
      },
    ],
  ])(
    "tells a password refused by the %s rules, with the platform's message and never the passwords",
    async (_rule, platformError) => {
      const { session } = fakeApiSession(() => ({ error: platformError }))
      const error = await changePassword(session.connection, 'old-password-1', 'new-password-1').catch(
        (err: unknown) => err,
      )
      expect(error).toMatchObject({
        code: 'password-refused',
        details: expect.arrayContaining([platformError.message]),
      })
      expect(JSON.stringify(error) + String(error)).not.toContain('old-password-1')
    },
  )
})

describe('passwords at their edges', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('says the reset mail was not sent on a numeric 500 only', async () => {
    const oops = { id: 'unexpected-error', message: 'smtp down' }
    await expect(
      requestPasswordReset(serviceFailingWith({ ...httpError(500, oops), status: '500' }), 'alice', 'our-app'),
    ).rejects.toMatchObject({ code: 'server' })
  })

  it('answers a reset request for an unknown user like any other, and keeps a refused request', async () => {
    await expect(
      requestPasswordReset(serviceFailingWith(httpError(404, { id: 'unknown-user' })), 'bob', 'our-app'),
    ).resolves.toBeUndefined()
    await expect(
      requestPasswordReset(serviceFailingWith(httpError(400, { id: 'invalid-parameters-format' })), 'bob', 'our-app'),
    ).rejects.toMatchObject({ code: 'invalid-request' })
  })

  it('tells an unknown user on reset, and a token refused by its param, as an invalid reset link', async () => {
    await expect(
      resetPassword(
        serviceFailingWith(httpError(404, { id: 'unknown-user' })),
        'alice',
        'new-password-1',
        't',
        'our-app',
      ),
    ).rejects.toMatchObject({ code: 'invalid-reset-token' })
    const malformed = httpError(400, {
      id: 'invalid-parameters-format',
      message: 'bad',
      data: [{ param: 'resetToken', message: 'wrong format' }],
    })
    await expect(
      resetPassword(serviceFailingWith(malformed), 'alice', 'new-password-1', 't', 'our-app'),
    ).rejects.toMatchObject({ code: 'invalid-reset-token', details: ['bad', 'resetToken: wrong format'] })
  })

  it('turns anything thrown into an AppError, null too', async () => {
    await expect(requestPasswordReset(serviceFailingWith(null), 'alice', 'our-app')).rejects.toMatchObject({
      name: 'AppError',
      code: 'unknown',
    })
  })

  it('reads a field error about the token as a bad link only when the password was refused', async () => {
    const broken = httpError(500, { id: 'unexpected-error', data: [{ param: 'resetToken', message: 'lookup failed' }] })
    await expect(
      resetPassword(serviceFailingWith(broken), 'alice', 'new-password-1', 't', 'our-app'),
    ).rejects.toMatchObject({ code: 'server' })
  })

  it("tells the platform's refusal of the current password apart from its password rules", async () => {
    const { session } = fakeApiSession(() => ({
      error: { id: 'invalid-operation', message: 'The given password does not match.' },
    }))
    const error = await changePassword(session.connection, 'old-password-1', 'new-password-1').catch(
      (err: unknown) => err,
    )
    expect(error).toMatchObject({ code: 'invalid-credentials', details: [] })
  })

  it('keeps a wrong current password as it is when changing it', async () => {
    const { session } = fakeApiSession(() => ({ error: { id: 'invalid-credentials', message: 'wrong' } }))
    await expect(changePassword(session.connection, 'old-password-1', 'new-password-1')).rejects.toMatchObject({
      code: 'invalid-credentials',
    })
  })
})
