import type { Service } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { changePassword, requestPasswordReset, resetPassword } from '@/services/passwords'
import { fakeApiSession } from './fakeApi'

afterEach(() => vi.unstubAllGlobals())

function httpError(status: number | string, error: Record<string, unknown>) {
  return { status, response: { status, body: { error } } }
}

function failing(failure: unknown): Service {
  const fail = async () => {
    throw failure
  }
  return { requestPasswordReset: fail, resetPassword: fail } as unknown as Service
}

describe('requestPasswordReset at its edges', () => {
  it('says the mail was not sent on exactly 500 only', async () => {
    const oops = { id: 'unexpected-error', message: 'smtp down' }
    await expect(requestPasswordReset(failing(httpError(500, oops)), 'alice', 'app')).rejects.toMatchObject({ code: 'reset-mail-failed', details: ['smtp down'] })
    await expect(requestPasswordReset(failing(httpError(503, oops)), 'alice', 'app')).rejects.toMatchObject({ code: 'server' })
    await expect(requestPasswordReset(failing(httpError('500', oops)), 'alice', 'app')).rejects.toMatchObject({ code: 'server' })
  })

  it('answers an unknown user like any other', async () => {
    await expect(requestPasswordReset(failing(httpError(404, { id: 'unknown-user' })), 'bob', 'app')).resolves.toBeUndefined()
  })

  it('does not take a refused request for an unknown user', async () => {
    await expect(requestPasswordReset(failing(httpError(400, { id: 'invalid-parameters-format' })), 'bob', 'app')).rejects.toMatchObject({ code: 'invalid-request' })
  })
})

describe('resetPassword at its edges', () => {
  it('tells a bad, unknown or malformed token as a bad link', async () => {
    for (const id of ['invalid-access-token', 'unknown-user', 'unknown-resource']) {
      await expect(resetPassword(failing(httpError(400, { id })), 'alice', 'new-password', 'tok', 'app'), id).rejects.toMatchObject({ code: 'invalid-reset-token' })
    }
    const malformed = { id: 'invalid-parameters-format', message: 'bad', data: [{ param: 'resetToken', message: 'wrong format' }] }
    await expect(resetPassword(failing(httpError(400, malformed)), 'alice', 'new-password', 'tok', 'app')).rejects.toMatchObject({ code: 'invalid-reset-token', details: ['bad', 'resetToken: wrong format'] })
  })

  it('tells a refused new password in the platform\'s words', async () => {
    const refused = { id: 'invalid-parameters-format', data: [{ param: 'newPassword', message: 'too short' }] }
    await expect(resetPassword(failing(httpError(400, refused)), 'alice', 'x', 'tok', 'app')).rejects.toMatchObject({ code: 'password-refused', fields: { newPassword: 'too short' } })
  })

  it('passes the user, the new password, the token and the app id', async () => {
    const calls: unknown[][] = []
    const service = { resetPassword: async (...args: unknown[]) => void calls.push(args) } as unknown as Service
    await resetPassword(service, 'alice', 'new-password', 'tok', 'app')
    expect(calls).toEqual([['alice', 'new-password', 'tok', 'app']])
  })
})

describe('changePassword at its edges', () => {
  it('tells a password refused for its form or for a rule (reuse, age)', async () => {
    for (const id of ['invalid-parameters-format', 'invalid-operation']) {
      const { session } = fakeApiSession(() => ({ error: { id, message: 'refused' } }))
      await expect(changePassword(session, 'old', 'new'), id).rejects.toMatchObject({ code: 'password-refused' })
    }
  })

  it('keeps a wrong current password as it is', async () => {
    const { session } = fakeApiSession(() => ({ error: { id: 'invalid-credentials', message: 'wrong' } }))
    await expect(changePassword(session, 'old', 'new')).rejects.toMatchObject({ code: 'invalid-credentials' })
  })
})
