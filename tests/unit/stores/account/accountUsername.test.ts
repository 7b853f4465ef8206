import { describe, expect, it, vi } from 'vitest'
import { config } from '@/config'
import { checkPassword } from '@/services/account/passwordCheck'
import { changeUsername, readUsernameChanges, type UsernameOutcome } from '@/services/account/usernameChange'
import { AppError } from '@/services/appError'
import type { Service } from '@/services/platform'
import { useAccountUsernameStore } from '@/stores/account/accountUsername'
import { usePlatformStore } from '@/stores/platform'
import { signedIn } from './signedIn'

vi.mock('@/services/account/passwordCheck', () => ({ checkPassword: vi.fn() }))
vi.mock('@/services/account/usernameChange', async (actual) => ({
  ...(await actual<object>()),
  readUsernameChanges: vi.fn(),
  changeUsername: vi.fn(),
}))

// The platform's endpoint of a name, with the token as pryv puts it; `sessionUnderName` is the real one.
const apiEndpointFor = vi.fn(
  async (username: string, token?: string) => `https://${token}@api.example.com/${username}/`,
)
const service = { apiEndpointFor } as unknown as Service

async function setUp(changes = { used: 1, limit: 3, remaining: 2 }) {
  const signed = signedIn(service)
  vi.mocked(readUsernameChanges).mockResolvedValue(changes)
  vi.mocked(changeUsername).mockResolvedValue({ ok: true, username: 'bobby', remaining: 1 })
  const username = useAccountUsernameStore()
  await username.load()
  return { ...signed, username }
}

describe('accountUsername store', () => {
  it('reads the changes left through the session', async () => {
    const { username, connection } = await setUp()
    expect(vi.mocked(readUsernameChanges).mock.calls).toEqual([[connection]])
    expect(username.$id).toBe('accountUsername')
    expect([username.changes, username.loadStatus, username.refusal, username.changedFrom]).toEqual([
      { used: 1, limit: 3, remaining: 2 },
      'done',
      null,
      null,
    ])
  })

  it('refuses a name of the wrong form or the current one by the page’s rule, without any call', async () => {
    const { username } = await setUp()
    const trusted = vi.mocked(usePlatformStore().trustedService)
    await username.change('ab', 'secret')
    expect([username.refusal, username.status]).toEqual(['format', 'done'])
    await username.change(' ALICE ', 'secret')
    expect(username.refusal).toBe('same')
    expect([trusted.mock.calls.length, vi.mocked(checkPassword).mock.calls.length]).toEqual([0, 0])
    expect(changeUsername).not.toHaveBeenCalled()
  })

  it('checks the password with the page’s app id first; a wrong one stops before the change', async () => {
    const { username, session } = await setUp()
    vi.mocked(checkPassword).mockRejectedValueOnce(new AppError('invalid-credentials'))
    await username.change('bobby', 'wrong')
    expect(vi.mocked(checkPassword).mock.calls).toEqual([[service, 'alice', 'wrong', config.appId]])
    expect([username.status, username.error?.code, username.refusal, session.view]).toEqual([
      'error',
      'invalid-credentials',
      null,
      'signed-in',
    ])
    expect(changeUsername).not.toHaveBeenCalled()
  })

  it('shows the platform’s refusal and keeps the session under the current name', async () => {
    const { username, session, authSession, connection } = await setUp()
    vi.mocked(changeUsername).mockResolvedValueOnce({ ok: false, refusal: 'taken' })
    await username.change('Bobby', 'secret')
    expect(vi.mocked(changeUsername).mock.calls).toEqual([[connection, 'Bobby']])
    expect([username.refusal, username.status, username.changedFrom, username.changes]).toEqual([
      'taken',
      'done',
      null,
      { used: 1, limit: 3, remaining: 2 },
    ])
    expect([authSession.session?.connection, session.own?.username]).toEqual([connection, 'alice'])
    expect(apiEndpointFor).not.toHaveBeenCalled()
  })

  it('renames the session once changed: a connection for the new name, the same token, the counts updated', async () => {
    const { username, session, authSession } = await setUp()
    await username.change('Bobby', 'secret')
    expect(apiEndpointFor.mock.calls).toEqual([['bobby', 'personal-token']])
    const renamed = authSession.session
    expect([renamed?.username, renamed?.connection.endpoint, renamed?.connection.token]).toEqual([
      'bobby',
      'https://api.example.com/bobby/',
      'personal-token',
    ])
    expect(session.own).toEqual({ id: 'p-web', appId: 'pryv-app-web-auth-3', username: 'bobby' })
    expect([username.changedFrom, username.changes, username.refusal, username.status]).toEqual([
      'alice',
      { used: 2, limit: 3, remaining: 1 },
      null,
      'done',
    ])
    await username.change('bobby', 'secret')
    expect([username.refusal, username.changedFrom]).toEqual(['same', null])
  })

  it('keeps the counts when the platform gives none left, or they were never known', async () => {
    const { username } = await setUp()
    vi.mocked(changeUsername).mockResolvedValueOnce({ ok: true, username: 'bobby', remaining: null })
    await username.change('bobby', 'secret')
    expect([username.changes, username.changedFrom]).toEqual([{ used: 1, limit: 3, remaining: 2 }, 'alice'])
    vi.mocked(readUsernameChanges).mockResolvedValueOnce(null)
    await username.load()
    await username.change('carol', 'secret')
    expect([username.changes, username.changedFrom]).toEqual([null, 'bobby'])
  })

  it('runs one change at a time', async () => {
    const { username } = await setUp()
    let finish: (outcome: UsernameOutcome) => void = () => undefined
    vi.mocked(changeUsername).mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)))
    const first = username.change('bobby', 'secret')
    await vi.waitFor(() => expect(changeUsername).toHaveBeenCalledTimes(1))
    expect(await username.change('carol', 'secret')).toBeNull()
    finish({ ok: true, username: 'bobby', remaining: 1 })
    await first
    expect([vi.mocked(checkPassword).mock.calls.length, vi.mocked(changeUsername).mock.calls.length]).toEqual([1, 1])
  })

  it('goes back to the sign-in when the platform ended the session', async () => {
    const { username, session, authSession } = await setUp()
    vi.mocked(changeUsername).mockRejectedValueOnce(new AppError('session-expired'))
    await username.change('bobby', 'secret')
    expect([username.error?.code, username.changedFrom, session.view, session.reason, authSession.session]).toEqual([
      'session-expired',
      null,
      'sign-in',
      'expired',
      null,
    ])
  })

  it('changes nothing without a trusted platform or a session to rename', async () => {
    const { username, authSession, session } = await setUp()
    vi.mocked(usePlatformStore().trustedService).mockResolvedValueOnce(null)
    await username.change('bobby', 'secret')
    expect(username.error?.code).toBe('network')
    authSession.session = null
    await username.change('bobby', 'secret')
    expect([username.error?.code, session.view]).toEqual(['session-expired', 'sign-in'])
    expect([checkPassword, changeUsername].map((mock) => vi.mocked(mock).mock.calls.length)).toEqual([0, 0])
  })

  it('goes on with the session the password check opened: after a former change it replaces the old one', async () => {
    const { username, authSession } = await setUp()
    const fresh = { token: 'fresh-token', endpoint: 'https://api.example.com/alice/' }
    vi.mocked(checkPassword).mockResolvedValueOnce({ username: 'alice', connection: fresh as never })
    await username.change('bobby', 'secret')
    expect(vi.mocked(changeUsername).mock.calls).toEqual([[fresh, 'bobby']])
    expect(apiEndpointFor).toHaveBeenLastCalledWith('bobby', 'fresh-token')
    expect(authSession.session?.connection.token).toBe('fresh-token')
  })

  it('checks no password when the area knows no name', async () => {
    const { username, session } = await setUp()
    session.own = null
    await username.change('bobby', 'secret')
    expect([username.error?.code, vi.mocked(checkPassword).mock.calls.length]).toEqual(['network', 0])
  })
})
