import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseLanguage } from '@/i18n'
import { readAccount, setAccountLanguage, type AccountProfile } from '@/services/account/accountProfile'
import { changeEmail, type EmailOutcome } from '@/services/account/emailAddresses'
import { AppError } from '@/services/appError'
import { changePassword } from '@/services/passwords'
import { useAccountProfileStore } from '@/stores/account/accountProfile'
import { signedIn } from './signedIn'

vi.mock('@/i18n', () => ({ chooseLanguage: vi.fn() }))
vi.mock('@/services/account/accountProfile', () => ({ readAccount: vi.fn(), setAccountLanguage: vi.fn() }))
vi.mock('@/services/account/emailAddresses', async (actual) => ({ ...(await actual<object>()), changeEmail: vi.fn() }))
vi.mock('@/services/passwords', () => ({ changePassword: vi.fn() }))

const primary = { address: 'alice@example.com', primary: true, verified: true, proof: 'link' } as const
const work = { address: 'work@example.com', primary: false, verified: false, proof: 'none' } as const
const loaded: AccountProfile = {
  username: 'alice',
  language: 'en',
  emails: [primary, work],
  storage: { documents: 10, files: 20 },
}
const after: AccountProfile = { ...loaded, language: 'fr', emails: [primary] }

async function setUp({ load = true } = {}) {
  const { session, connection } = signedIn()
  vi.mocked(readAccount).mockResolvedValue(loaded)
  vi.mocked(changeEmail).mockResolvedValue({ ok: true, account: after })
  vi.mocked(setAccountLanguage).mockResolvedValue(after)
  const profile = useAccountProfileStore()
  if (load) await profile.load()
  return { session, connection, profile }
}

afterEach(() => vi.useRealTimers())

describe('accountProfile store: the account', () => {
  it('starts empty, then reads the account through the session', async () => {
    const { profile, connection } = await setUp({ load: false })
    expect(profile.$id).toBe('accountProfile')
    expect([profile.account, profile.current, profile.problem, profile.notice, profile.limit]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ])
    expect([profile.waitUntil, profile.loadStatus, profile.status]).toEqual([{}, 'idle', 'idle'])
    await profile.load()
    expect(vi.mocked(readAccount).mock.calls).toEqual([[connection]])
    expect([profile.account, profile.loadStatus, profile.loadError]).toEqual([loaded, 'done', null])
  })

  it('goes back to the sign-in when the platform ended the session', async () => {
    const { profile, session } = await setUp({ load: false })
    vi.mocked(readAccount).mockRejectedValueOnce(new AppError('session-expired'))
    await profile.load()
    expect([profile.loadStatus, profile.loadError?.code, profile.account]).toEqual(['error', 'session-expired', null])
    expect([session.view, session.reason]).toEqual(['sign-in', 'expired'])
  })
})

describe('accountProfile store: e-mail addresses', () => {
  it('adds the address trimmed and lower-cased, then shows the account as the platform answers it', async () => {
    const { profile, connection } = await setUp()
    await profile.changeAddress('add', '  New@Example.COM ')
    expect(vi.mocked(changeEmail).mock.calls).toEqual([[connection, 'add', 'new@example.com']])
    expect([profile.account, profile.notice, profile.current, profile.problem, profile.status]).toEqual([
      after,
      { kind: 'email', action: 'add', address: 'new@example.com' },
      { action: 'add', address: 'new@example.com' },
      null,
      'done',
    ])
  })

  it('sends any other action’s address as it is, even one the add form would refuse', async () => {
    const { profile, connection } = await setUp()
    await profile.changeAddress('resend', 'work@example.com')
    await profile.changeAddress('remove', ' Work@Example.com')
    expect(vi.mocked(changeEmail).mock.calls).toEqual([
      [connection, 'resend', 'work@example.com'],
      [connection, 'remove', ' Work@Example.com'],
    ])
    expect(profile.notice).toEqual({ kind: 'email', action: 'remove', address: ' Work@Example.com' })
  })

  it('refuses an address of the wrong form or already on the account without a call', async () => {
    const { profile } = await setUp()
    await profile.changeAddress('add', 'not an address')
    expect(profile.problem).toEqual({ action: 'add', address: 'not an address', refusal: { reason: 'format' } })
    await profile.changeAddress('add', ' WORK@example.com')
    expect([profile.problem, profile.status, profile.notice, profile.account]).toEqual([
      { action: 'add', address: 'work@example.com', refusal: { reason: 'on-account' } },
      'done',
      null,
      loaded,
    ])
    expect(changeEmail).not.toHaveBeenCalled()
  })

  it('leaves the checks to the platform before the account is known', async () => {
    const { profile, connection } = await setUp({ load: false })
    await profile.changeAddress('add', 'not an address')
    expect(vi.mocked(changeEmail).mock.calls).toEqual([[connection, 'add', 'not an address']])
  })

  it('shows the platform’s refusal next to the address, and keeps the account', async () => {
    const { profile } = await setUp()
    vi.mocked(changeEmail).mockResolvedValueOnce({ ok: false, refusal: { reason: 'in-use' } })
    await profile.changeAddress('add', 'bob@example.com')
    expect([
      profile.problem,
      profile.account,
      profile.notice,
      profile.status,
      profile.waitUntil,
      profile.limit,
    ]).toEqual([
      { action: 'add', address: 'bob@example.com', refusal: { reason: 'in-use' } },
      loaded,
      null,
      'done',
      {},
      null,
    ])
  })

  it('remembers until when each address must wait for another link', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(1_000_000)
    const { profile } = await setUp()
    vi.mocked(changeEmail).mockResolvedValueOnce({ ok: false, refusal: { reason: 'cooldown', seconds: 60 } })
    await profile.changeAddress('resend', 'work@example.com')
    expect([profile.waitUntil, profile.problem, profile.limit]).toEqual([
      { 'work@example.com': 1_060_000 },
      { action: 'resend', address: 'work@example.com', refusal: { reason: 'cooldown', seconds: 60 } },
      null,
    ])
    vi.setSystemTime(2_000_000)
    vi.mocked(changeEmail).mockResolvedValueOnce({ ok: false, refusal: { reason: 'cooldown', seconds: 5 } })
    await profile.changeAddress('resend', 'other@example.com')
    expect(profile.waitUntil).toEqual({ 'work@example.com': 1_060_000, 'other@example.com': 2_005_000 })
  })

  it('remembers the platform’s limit, and refuses the next add over it without a call', async () => {
    const { profile } = await setUp()
    vi.mocked(changeEmail).mockResolvedValueOnce({ ok: false, refusal: { reason: 'limit', max: 2 } })
    await profile.changeAddress('add', 'third@example.com')
    expect([profile.limit, profile.waitUntil]).toEqual([2, {}])
    await profile.changeAddress('add', 'fourth@example.com')
    expect(changeEmail).toHaveBeenCalledTimes(1)
    expect(profile.problem).toEqual({
      action: 'add',
      address: 'fourth@example.com',
      refusal: { reason: 'limit', max: 2 },
    })
  })

  it('keeps no limit from a refusal that names none, nor forgets a known one for it', async () => {
    const { profile } = await setUp()
    vi.mocked(changeEmail).mockResolvedValueOnce({ ok: false, refusal: { reason: 'limit', max: null } })
    await profile.changeAddress('add', 'third@example.com')
    await profile.changeAddress('add', 'fourth@example.com')
    expect([profile.limit, vi.mocked(changeEmail).mock.calls.length]).toEqual([null, 2])
    vi.mocked(changeEmail).mockResolvedValueOnce({ ok: false, refusal: { reason: 'limit', max: 2 } })
    await profile.changeAddress('add', 'fifth@example.com')
    // One address removed: the account is below the limit again, so the next add asks the platform.
    await profile.changeAddress('remove', 'work@example.com')
    expect(profile.account).toEqual(after)
    vi.mocked(changeEmail).mockResolvedValueOnce({ ok: false, refusal: { reason: 'limit', max: null } })
    await profile.changeAddress('add', 'sixth@example.com')
    expect([profile.limit, vi.mocked(changeEmail).mock.calls.length]).toEqual([2, 5])
    expect(profile.problem).toEqual({
      action: 'add',
      address: 'sixth@example.com',
      refusal: { reason: 'limit', max: null },
    })
  })

  it('forgets the last notice and problem when the next action begins', async () => {
    const { profile } = await setUp()
    await profile.changeAddress('add', 'new@example.com')
    await profile.changeAddress('add', 'bad')
    expect([profile.notice, profile.problem?.refusal]).toEqual([null, { reason: 'format' }])
    await profile.changeAddress('setPrimary', 'work@example.com')
    expect([profile.problem, profile.notice]).toEqual([
      null,
      { kind: 'email', action: 'setPrimary', address: 'work@example.com' },
    ])
  })

  it('runs one action at a time: another asked meanwhile makes no request', async () => {
    const { profile } = await setUp()
    let finish: (outcome: EmailOutcome) => void = () => undefined
    vi.mocked(changeEmail).mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)))
    const first = profile.changeAddress('remove', 'work@example.com')
    expect([profile.status, profile.current]).toEqual(['pending', { action: 'remove', address: 'work@example.com' }])
    expect(await profile.changeAddress('add', 'new@example.com')).toBeNull()
    expect(await profile.changeLanguage('fr')).toBeNull()
    expect(await profile.changeOwnPassword('old', 'new')).toBeNull()
    finish({ ok: true, account: after })
    await first
    expect(vi.mocked(changeEmail).mock.calls.map((args) => args[1])).toEqual(['remove'])
    expect([setAccountLanguage, changePassword].map((mock) => vi.mocked(mock).mock.calls.length)).toEqual([0, 0])
    expect(profile.current).toEqual({ action: 'remove', address: 'work@example.com' })
  })

  it('returns to the sign-in when the session ended during a change', async () => {
    const { profile, session } = await setUp()
    vi.mocked(changeEmail).mockRejectedValueOnce(new AppError('session-expired'))
    await profile.changeAddress('remove', 'work@example.com')
    expect([profile.status, profile.error?.code, profile.notice, session.view]).toEqual([
      'error',
      'session-expired',
      null,
      'sign-in',
    ])
  })

  it('dismisses a problem and an error', async () => {
    const { profile } = await setUp()
    await profile.changeAddress('add', 'bad')
    profile.dismiss()
    expect([profile.problem, profile.status]).toEqual([null, 'idle'])
    vi.mocked(changeEmail).mockRejectedValueOnce(new AppError('network'))
    await profile.changeAddress('remove', 'work@example.com')
    expect(profile.error?.code).toBe('network')
    profile.dismiss()
    expect([profile.error, profile.status]).toEqual([null, 'idle'])
  })
})

describe('accountProfile store: language and password', () => {
  it('sets the account’s language, then the page’s when it has that language', async () => {
    const { profile, connection } = await setUp()
    await profile.changeLanguage('fr')
    expect(vi.mocked(setAccountLanguage).mock.calls).toEqual([[connection, 'fr']])
    expect(vi.mocked(chooseLanguage).mock.calls).toEqual([['fr']])
    expect([profile.account, profile.notice, profile.current]).toEqual([
      after,
      { kind: 'language' },
      { action: 'language', address: '' },
    ])
  })

  it('keeps the page’s language for one it does not have', async () => {
    const { profile, connection } = await setUp()
    await profile.changeLanguage('es')
    expect(vi.mocked(setAccountLanguage).mock.calls).toEqual([[connection, 'es']])
    expect(chooseLanguage).not.toHaveBeenCalled()
    expect([profile.account, profile.notice]).toEqual([after, { kind: 'language' }])
  })

  it('changes the password with the session, and says so', async () => {
    const { profile, connection } = await setUp()
    expect(await profile.changeOwnPassword('old-secret', 'new-secret')).toBe(true)
    expect(vi.mocked(changePassword).mock.calls).toEqual([[connection, 'old-secret', 'new-secret']])
    expect([profile.notice, profile.current, profile.status]).toEqual([
      { kind: 'password' },
      { action: 'password', address: '' },
      'done',
    ])
  })

  it('says a wrong current password, and no notice', async () => {
    const { profile } = await setUp()
    await profile.changeLanguage('fr')
    vi.mocked(changePassword).mockRejectedValueOnce(new AppError('invalid-credentials'))
    expect(await profile.changeOwnPassword('wrong', 'new-secret')).toBeNull()
    expect([profile.notice, profile.error?.code, profile.status]).toEqual([null, 'invalid-credentials', 'error'])
  })
})
