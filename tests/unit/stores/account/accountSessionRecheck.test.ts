import { describe, expect, it, vi } from 'vitest'
import { config } from '@/config'
import { checkPassword } from '@/services/account/passwordCheck'
import { AppError } from '@/services/appError'
import type { Service } from '@/services/platform'
import type { Session } from '@/services/signIn'
import { usePlatformStore } from '@/stores/platform'
import { signedIn } from './signedIn'

vi.mock('@/services/account/passwordCheck', () => ({ checkPassword: vi.fn() }))

const service = { name: 'service' } as unknown as Service
const cutOff = { action: 'mfa-off', key: '', title: '' } as const

describe('accountSession password re-check', () => {
  it('checks the password of the signed-in name with the page’s app id, and gives the platform back', async () => {
    const { session, authSession, connection } = signedIn(service)
    vi.mocked(checkPassword).mockResolvedValueOnce(null)
    expect(await session.recheckPassword('secret')).toBe(service)
    expect(vi.mocked(checkPassword).mock.calls).toEqual([[service, 'alice', 'secret', config.appId]])
    // Two-factor on: the password was right, the session stays as it was.
    expect(authSession.session?.connection).toBe(connection)
  })

  it('goes on with the session the check opened', async () => {
    const { session, authSession } = signedIn(service)
    const fresh = { username: 'alice', connection: { token: 'fresh-token' } } as unknown as Session
    vi.mocked(checkPassword).mockResolvedValueOnce(fresh)
    await session.recheckPassword('secret')
    expect(authSession.session).toStrictEqual(fresh)
  })

  it('throws a wrong password and keeps the area open', async () => {
    const { session } = signedIn(service)
    vi.mocked(checkPassword).mockRejectedValueOnce(new AppError('invalid-credentials'))
    await expect(session.recheckPassword('wrong', cutOff)).rejects.toMatchObject({ code: 'invalid-credentials' })
    expect([session.view, session.interrupted]).toEqual(['signed-in', null])
  })

  it('keeps the action an ended session cut off, to offer it after the next sign-in', async () => {
    const { session } = signedIn(service)
    vi.mocked(checkPassword).mockRejectedValueOnce(new AppError('session-expired'))
    await expect(session.recheckPassword('secret', cutOff)).rejects.toMatchObject({ code: 'session-expired' })
    expect([session.view, session.reason, session.interrupted]).toEqual(['sign-in', 'expired', cutOff])
  })

  it('checks nothing without a trusted platform or a signed-in name', async () => {
    const { session } = signedIn(service)
    vi.mocked(usePlatformStore().trustedService).mockResolvedValueOnce(null)
    await expect(session.recheckPassword('secret')).rejects.toMatchObject({ code: 'network' })
    session.own = null
    await expect(session.recheckPassword('secret')).rejects.toMatchObject({ code: 'network' })
    expect(checkPassword).not.toHaveBeenCalled()
  })
})

describe('accountSession after the account was deleted', () => {
  it('forgets the session without a call and keeps only the name that is gone', () => {
    const { session, authSession } = signedIn(service)
    session.interrupted = { action: 'remove', key: 'a1', title: 'Diary' }
    session.forgetDeleted('alice')
    expect([authSession.session, session.own, session.deleted, session.reason, session.interrupted]).toEqual([
      null,
      null,
      'alice',
      null,
      null,
    ])
    expect(session.view).toBe('sign-in')
  })
})
