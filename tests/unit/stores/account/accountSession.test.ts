import type { Service } from 'pryv'
import { describe, expect, it, vi } from 'vitest'
import { readOwnAccess } from '@/services/account/ownAccess'
import { AppError } from '@/services/appError'
import { signOut, type Session } from '@/services/signIn'
import { useAccountSessionStore } from '@/stores/account/accountSession'
import { useAuthSessionStore } from '@/stores/authSession'
import { freshPlatform } from '../freshPlatform'

vi.mock('@/services/account/ownAccess', () => ({ readOwnAccess: vi.fn() }))
vi.mock('@/services/signIn', async (actual) => ({ ...(await actual<object>()), signOut: vi.fn() }))

const service = {} as Service
const session = { username: 'alice', connection: { token: 'personal-token' } } as unknown as Session

function setUp() {
  freshPlatform(service)
  vi.mocked(readOwnAccess).mockResolvedValue({ id: 'p-web', appId: 'pryv-app-web-auth-3' })
  vi.mocked(signOut).mockResolvedValue()
  const authSession = useAuthSessionStore()
  vi.spyOn(authSession, 'submitCredentials').mockImplementation(async (_service, login) => {
    authSession.session = { ...session, username: login }
    return authSession.session
  })
  const close = vi.spyOn(authSession, 'close').mockImplementation(async () => {
    authSession.session = null
  })
  return { account: useAccountSessionStore(), authSession, close }
}

describe('accountSession store', () => {
  it('opens the area once the session is known to be personal, and remembers which access it is', async () => {
    const { account } = setUp()
    expect(account.view).toBe('sign-in')
    await account.submit('alice', 'password-1')
    expect(account.view).toBe('signed-in')
    expect(account.own).toEqual({ id: 'p-web', appId: 'pryv-app-web-auth-3', username: 'alice' })
  })

  it('goes on with an adopted session: its connection for the next calls, its name shown, an interruption kept', async () => {
    const { account, authSession } = setUp()
    await account.submit('alice', 'password-1')
    account.interrupted = { action: 'remove', key: 'a1', title: 'Diary' }
    const renamed = { username: 'alice-2', connection: { token: 'personal-token' } } as unknown as Session
    account.adopt(renamed)
    expect(authSession.session).toStrictEqual(renamed)
    expect(account.own).toEqual({ id: 'p-web', appId: 'pryv-app-web-auth-3', username: 'alice-2' })
    expect(await account.call(async (connection) => connection)).toBe(renamed.connection)
    // The same account under its new name: what its session was doing is still its own to offer.
    await account.submit('alice-2', 'password-1')
    expect(account.interrupted).toEqual({ action: 'remove', key: 'a1', title: 'Diary' })
  })

  it('adopts no name while signed out', () => {
    const { account } = setUp()
    account.adopt(session)
    expect(account.own).toBeNull()
  })

  it('signs out of a session that is not personal, and says why', async () => {
    const { account, close } = setUp()
    vi.mocked(readOwnAccess).mockRejectedValueOnce(new AppError('forbidden'))
    await account.submit('alice', 'password-1')
    expect([account.view, account.error?.code, close.mock.calls.length]).toEqual(['sign-in', 'forbidden', 1])
  })

  it('signs out with auth.logout, then forgets the session and says so', async () => {
    const { account, authSession } = setUp()
    await account.submit('alice', 'password-1')
    await account.signOut()
    expect(vi.mocked(signOut).mock.calls).toEqual([[expect.objectContaining({ username: 'alice' })]])
    expect([account.view, account.reason, authSession.session]).toEqual(['sign-in', 'signed-out', null])
  })

  it('forgets the session even when the platform cannot be told, and says that too', async () => {
    const { account, authSession } = setUp()
    await account.submit('alice', 'password-1')
    vi.mocked(signOut).mockRejectedValueOnce(new AppError('network'))
    await account.signOut()
    expect([account.reason, authSession.session]).toEqual(['sign-out-unconfirmed', null])
  })

  it('returns to the sign-in when the platform ended the session, keeping what was cut off to offer it again', async () => {
    const { account, authSession } = setUp()
    await account.submit('alice', 'password-1')
    const cutOff = { action: 'remove' as const, key: 'app-diary', title: 'diary-app' }
    const failure = await account
      .call(() => Promise.reject(new AppError('session-expired')), cutOff)
      .catch((err: unknown) => err)
    expect(failure).toMatchObject({ code: 'session-expired' })
    expect([account.view, account.reason, account.interrupted, authSession.session]).toEqual([
      'sign-in',
      'expired',
      cutOff,
      null,
    ])
    expect(signOut).not.toHaveBeenCalled()
    await account.submit('alice', 'password-1')
    expect([account.view, account.reason, account.interrupted]).toEqual(['signed-in', null, cutOff])
  })

  it("drops what another account's session was doing", async () => {
    const { account } = setUp()
    await account.submit('alice', 'password-1')
    await account
      .call(() => Promise.reject(new AppError('session-expired')), { action: 'remove', key: 'k', title: 't' })
      .catch(() => undefined)
    await account.submit('bob', 'password-2')
    expect(account.interrupted).toBeNull()
  })

  it('leaves other failures to the caller and the session open', async () => {
    const { account } = setUp()
    await account.submit('alice', 'password-1')
    const failure = await account.call(() => Promise.reject(new AppError('server'))).catch((err: unknown) => err)
    expect([failure, account.view]).toEqual([expect.objectContaining({ code: 'server' }), 'signed-in'])
    expect(await account.call(async (connection) => connection)).toBe(session.connection)
  })

  it('refuses a call once signed out, without reaching the platform', async () => {
    const { account } = setUp()
    const work = vi.fn()
    const failure = await account.call(work).catch((err: unknown) => err)
    expect([work.mock.calls.length, failure]).toEqual([0, expect.objectContaining({ code: 'session-expired' })])
  })
})
