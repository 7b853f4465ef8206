import type { Service } from 'pryv'
import { describe, expect, it, vi } from 'vitest'
import { AppError } from '@/services/appError'
import { changePassword } from '@/services/passwords'
import type { Session } from '@/services/signIn'
import { useAuthSessionStore } from '@/stores/authSession'
import { usePasswordChangeStore } from '@/stores/passwordChange'
import { freshPlatform } from './freshPlatform'

vi.mock('@/services/passwords', () => ({ changePassword: vi.fn() }))

const service = {} as Service
const session = { username: 'alice', connection: { token: 'personal-token' } } as unknown as Session

/** The change store over a sign-in that needs an MFA code or not; the session store's platform calls are stubbed. */
function setUp(mfa: boolean) {
  freshPlatform(service)
  const authSession = useAuthSessionStore()
  vi.spyOn(authSession, 'submitCredentials').mockImplementation(async () => {
    if (!mfa) return session
    authSession.showStep('mfa')
    return null
  })
  vi.spyOn(authSession, 'submitMfaCode').mockResolvedValue(session)
  const close = vi.spyOn(authSession, 'close').mockResolvedValue()
  const store = usePasswordChangeStore()
  store.start()
  return { store, authSession, close }
}

describe('passwordChange store', () => {
  it('signs in, changes the password, then signs out', async () => {
    const { store, close } = setUp(false)
    await store.submit('alice', 'old-password-1', 'new-password-1')
    expect(vi.mocked(changePassword).mock.calls).toEqual([[session.connection, 'old-password-1', 'new-password-1']])
    expect(close).toHaveBeenCalledTimes(1)
    expect([store.step, store.status]).toEqual(['done', 'done'])
  })

  it('waits for the MFA code, then changes the password with the passwords given first', async () => {
    const { store, close } = setUp(true)
    await store.submit('alice', 'old-password-1', 'new-password-1')
    expect([store.step, store.status]).toEqual(['mfa', 'idle'])
    expect(changePassword).not.toHaveBeenCalled()
    await store.submitMfaCode('123456')
    expect(vi.mocked(changePassword).mock.calls).toEqual([[session.connection, 'old-password-1', 'new-password-1']])
    expect([store.step, close.mock.calls.length]).toEqual(['done', 1])
  })

  it('signs out also when the platform refuses the new password, and tells why', async () => {
    const { store, close } = setUp(false)
    vi.mocked(changePassword).mockRejectedValueOnce(new AppError('password-refused', ['At least 8 characters.']))
    await store.submit('alice', 'old-password-1', 'abc')
    expect(close).toHaveBeenCalledTimes(1)
    expect([store.step, store.status, store.error?.code]).toEqual(['credentials', 'error', 'password-refused'])
  })

  it('shows a failed sign-in and changes nothing', async () => {
    const { store, authSession } = setUp(false)
    vi.mocked(authSession.submitCredentials).mockImplementation(async () => {
      authSession.error = new AppError('invalid-credentials')
      return null
    })
    await store.submit('alice', 'wrong-password-1', 'new-password-1')
    expect([store.status, store.error?.code]).toEqual(['error', 'invalid-credentials'])
    expect(changePassword).not.toHaveBeenCalled()
  })

  it('forgets the passwords when the MFA step is cancelled', async () => {
    const { store } = setUp(true)
    await store.submit('alice', 'old-password-1', 'new-password-1')
    store.cancelMfa()
    await store.submitMfaCode('123456')
    expect([store.step, store.status]).toEqual(['credentials', 'idle'])
    expect(changePassword).not.toHaveBeenCalled()
  })
})
