import type { Connection, Service } from 'pryv'
import { describe, expect, it, vi } from 'vitest'
import { readOwnAccess } from '@/services/account/ownAccess'
import { AppError } from '@/services/appError'
import { recoverMfa, signIn, signOut, verifyMfaCode } from '@/services/signIn'
import { useAccountSessionStore } from '@/stores/account/accountSession'
import { useAuthSessionStore } from '@/stores/authSession'
import { freshPlatform } from '../freshPlatform'

// The real sign-in store over stubbed platform calls: what the account area asks of the platform, step by step.
vi.mock('@/services/account/ownAccess', () => ({ readOwnAccess: vi.fn() }))
vi.mock('@/services/signIn', async (actual) => ({
  ...(await actual<object>()),
  signIn: vi.fn(),
  verifyMfaCode: vi.fn(),
  recoverMfa: vi.fn(),
  signOut: vi.fn(),
}))

const service = {} as Service
const connection = { token: 'personal-token' } as unknown as Connection
const own = { id: 'p-web', appId: 'pryv-app-web-auth-3' }

function setUp({ mfa = false } = {}) {
  const platform = freshPlatform(service)
  vi.mocked(readOwnAccess).mockResolvedValue(own)
  vi.mocked(signOut).mockResolvedValue()
  vi.mocked(signIn).mockImplementation(async (_service, username) =>
    mfa
      ? { kind: 'mfa-required', username, mfaToken: 'mfa-token' }
      : { kind: 'signed-in', session: { username, connection } },
  )
  vi.mocked(verifyMfaCode).mockImplementation(async (_service, username) => ({ username, connection }))
  vi.mocked(recoverMfa).mockResolvedValue()
  return { platform, account: useAccountSessionStore(), authSession: useAuthSessionStore() }
}

const expire = { action: 'remove' as const, key: 'app-diary', title: 'diary-app' }

describe('accountSession store: signing in', () => {
  it("is the store the account area's state is kept under", () => {
    const { account } = setUp()
    expect(account.$id).toBe('accountSession')
  })

  it("asks for the platform's service info before the sign-in shows, and bears its failure quietly", async () => {
    const { account, platform } = setUp()
    const info = vi.spyOn(platform, 'info').mockRejectedValue(new AppError('network'))
    account.start()
    await Promise.resolve()
    expect(info).toHaveBeenCalledTimes(1)
  })

  it('says it opened the area once the session is personal', async () => {
    const { account } = setUp()
    expect(await account.submit('alice', 'password-1')).toBe(true)
    expect([account.status, account.view, account.reason]).toEqual(['done', 'signed-in', null])
    expect(vi.mocked(readOwnAccess).mock.calls).toEqual([[connection]])
  })

  it('sends nothing to a platform that is not trusted', async () => {
    const { account, platform } = setUp()
    vi.mocked(platform.trustedService).mockResolvedValueOnce(null)
    expect(await account.submit('alice', 'password-1')).toBe(false)
    expect(signIn).not.toHaveBeenCalled()
    expect([account.view, account.own]).toEqual(['sign-in', null])
  })

  it('shows why the sign-in was refused, and opens nothing', async () => {
    const { account } = setUp()
    vi.mocked(signIn).mockRejectedValueOnce(new AppError('invalid-credentials'))
    expect(await account.submit('alice', 'wrong')).toBeNull()
    expect([account.status, account.error?.code, account.view]).toEqual(['error', 'invalid-credentials', 'sign-in'])
    expect(readOwnAccess).not.toHaveBeenCalled()
  })

  it('waits for the MFA code, then opens the area with it', async () => {
    const { account } = setUp({ mfa: true })
    expect(await account.submit('alice', 'password-1')).toBe(false)
    expect([account.status, account.error, account.view, account.own]).toEqual(['done', null, 'mfa', null])
    expect(readOwnAccess).not.toHaveBeenCalled()
    expect(await account.mfaActions.submitCode('123456')).toBe(true)
    expect(vi.mocked(verifyMfaCode).mock.calls).toEqual([[service, 'alice', 'mfa-token', '123456']])
    expect([account.view, account.own]).toEqual(['signed-in', { ...own, username: 'alice' }])
  })

  it('shows a wrong code, then the recovery step cleared of it, and signs in with a recovery code', async () => {
    const { account, authSession } = setUp({ mfa: true })
    await account.submit('alice', 'password-1')
    vi.mocked(verifyMfaCode).mockRejectedValueOnce(new AppError('invalid-mfa-code'))
    expect(await account.mfaActions.submitCode('000000')).toBeNull()
    expect([account.error?.code, account.view]).toEqual(['invalid-mfa-code', 'mfa'])
    account.mfaActions.showStep('recovery')
    expect([account.status, account.error, authSession.error, account.view]).toEqual(['idle', null, null, 'recovery'])
    vi.mocked(signIn).mockResolvedValueOnce({ kind: 'signed-in', session: { username: 'alice', connection } })
    expect(await account.mfaActions.submitRecoveryCode('recovery-code')).toBe(true)
    expect(vi.mocked(recoverMfa).mock.calls).toEqual([[service, 'alice', 'password-1', 'recovery-code']])
    expect([account.view, account.own?.username]).toEqual(['signed-in', 'alice'])
  })

  it('goes back from the MFA step to the credentials, clearing the error shown', async () => {
    const { account } = setUp({ mfa: true })
    await account.submit('alice', 'password-1')
    vi.mocked(verifyMfaCode).mockRejectedValueOnce(new AppError('invalid-mfa-code'))
    await account.mfaActions.submitCode('000000')
    account.mfaActions.cancel()
    expect([account.status, account.error, account.view]).toEqual(['idle', null, 'sign-in'])
    expect(await account.mfaActions.submitCode('123456')).toBe(false)
    expect(verifyMfaCode).toHaveBeenCalledTimes(1)
  })
})

describe('accountSession store: signing out', () => {
  it('calls auth.logout once however often "Sign out" is pressed, and shows it is busy meanwhile', async () => {
    const { account } = setUp()
    await account.submit('alice', 'password-1')
    let finish: () => void = () => undefined
    vi.mocked(signOut).mockReturnValueOnce(new Promise<void>((resolve) => (finish = resolve)))
    const first = account.signOut()
    expect(account.signingOut).toBe(true)
    const second = account.signOut()
    finish()
    await Promise.all([first, second])
    expect(signOut).toHaveBeenCalledTimes(1)
    expect([account.signingOut, account.view, account.reason]).toEqual([false, 'sign-in', 'signed-out'])
  })

  it('sends nothing when no one is signed in', async () => {
    const { account } = setUp()
    await account.signOut()
    expect(signOut).not.toHaveBeenCalled()
    expect([account.reason, account.signingOut]).toEqual([null, false])
  })

  it('says the person signed out when the platform had ended the session already', async () => {
    const { account, authSession } = setUp()
    await account.submit('alice', 'password-1')
    vi.mocked(signOut).mockRejectedValueOnce(new AppError('session-expired'))
    await account.signOut()
    expect([account.reason, account.signingOut, account.view, authSession.session]).toEqual([
      'signed-out',
      false,
      'sign-in',
      null,
    ])
  })

  it('is no longer busy once the platform could not be told', async () => {
    const { account } = setUp()
    await account.submit('alice', 'password-1')
    vi.mocked(signOut).mockRejectedValueOnce(new AppError('network'))
    await account.signOut()
    expect([account.reason, account.signingOut]).toEqual(['sign-out-unconfirmed', false])
  })
})

describe('accountSession store: an ended session', () => {
  it('offers the cut-off action until it is dismissed, and not again after the next sign-in', async () => {
    const { account } = setUp()
    await account.submit('alice', 'password-1')
    await account.call(() => Promise.reject(new AppError('session-expired')), expire).catch(() => undefined)
    expect(account.interrupted).toEqual(expire)
    account.dismissInterruption()
    expect(account.interrupted).toBeNull()
    await account.submit('alice', 'password-1')
    expect([account.view, account.interrupted]).toEqual(['signed-in', null])
  })

  it('sends nothing and keeps the session on any other failure of the sign-in check', async () => {
    const { account } = setUp()
    await account.submit('alice', 'password-1')
    const failure = await account.call(() => Promise.reject(new Error('boom')), expire).catch((err: unknown) => err)
    expect(failure).toMatchObject({ code: 'unknown' })
    expect([account.view, account.reason, account.interrupted]).toEqual(['signed-in', null, null])
  })
})
