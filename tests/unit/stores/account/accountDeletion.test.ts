import { describe, expect, it, vi } from 'vitest'
import { deleteAccount } from '@/services/account/accountDeletion'
import { AppError } from '@/services/appError'
import type { Service } from '@/services/platform'
import { useAccountDeletionStore } from '@/stores/account/accountDeletion'
import { usePlatformStore } from '@/stores/platform'
import { signedIn } from './signedIn'

vi.mock('@/services/account/accountDeletion', async (actual) => ({
  ...(await actual<object>()),
  deleteAccount: vi.fn(),
}))

const service = { name: 'service' } as unknown as Service

function setUp() {
  const signed = signedIn(service)
  const recheck = vi.spyOn(signed.session, 'recheckPassword').mockResolvedValue(service)
  vi.mocked(deleteAccount).mockResolvedValue()
  return { ...signed, recheck, deletion: useAccountDeletionStore() }
}

describe('accountDeletion store', () => {
  it('checks the password, deletes the account with the session’s connection, then keeps only that it is gone', async () => {
    const { deletion, session, authSession, recheck, connection } = setUp()
    expect([deletion.$id, deletion.status, deletion.error, deletion.help]).toEqual([
      'accountDeletion',
      'idle',
      null,
      { support: null, terms: null },
    ])
    await deletion.remove(' alice ', 'secret')
    expect(recheck.mock.calls).toEqual([['secret']])
    expect(vi.mocked(deleteAccount).mock.calls).toEqual([[service, connection, 'alice']])
    expect([deletion.status, deletion.error, session.deleted, session.own, authSession.session]).toEqual([
      'deleted',
      null,
      'alice',
      null,
      null,
    ])
  })

  it('sends nothing unless the name typed is the account’s, or without a signed-in account', async () => {
    const { deletion, session, recheck } = setUp()
    await deletion.remove('Alice', 'secret')
    await deletion.remove('', 'secret')
    session.own = null
    await deletion.remove('', 'secret')
    expect([recheck.mock.calls.length, vi.mocked(deleteAccount).mock.calls.length, deletion.status]).toEqual([
      0,
      0,
      'idle',
    ])
  })

  it('stops at a wrong password, the area still open', async () => {
    const { deletion, session, recheck } = setUp()
    recheck.mockRejectedValueOnce(new AppError('invalid-credentials'))
    await deletion.remove('alice', 'wrong')
    expect([deletion.status, deletion.error?.code, session.view, session.deleted]).toEqual([
      'error',
      'invalid-credentials',
      'signed-in',
      null,
    ])
    expect(deleteAccount).not.toHaveBeenCalled()
  })

  it('says the platform refused, the account kept; other failures are errors', async () => {
    const { deletion, session } = setUp()
    vi.mocked(deleteAccount).mockRejectedValueOnce(new AppError('deletion-refused'))
    await deletion.remove('alice', 'secret')
    expect([deletion.status, deletion.error?.code, session.view]).toEqual(['refused', 'deletion-refused', 'signed-in'])
    vi.mocked(deleteAccount).mockRejectedValueOnce(new Error('offline'))
    await deletion.remove('alice', 'secret')
    expect([deletion.status, deletion.error?.code]).toEqual(['error', 'unknown'])
  })

  it('returns to the sign-in when the platform ended the session', async () => {
    const { deletion, session } = setUp()
    vi.mocked(deleteAccount).mockRejectedValueOnce(new AppError('session-expired'))
    await deletion.remove('alice', 'secret')
    expect([deletion.status, deletion.error?.code, session.view, session.reason]).toEqual([
      'error',
      'session-expired',
      'sign-in',
      'expired',
    ])
  })

  it('sends one deletion however often it is asked for at once', async () => {
    const { deletion } = setUp()
    let finish: () => void = () => undefined
    vi.mocked(deleteAccount).mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)))
    const first = deletion.remove('alice', 'secret')
    await vi.waitFor(() => expect(deleteAccount).toHaveBeenCalledTimes(1))
    await deletion.remove('alice', 'secret')
    expect(deletion.status).toBe('pending')
    await deletion.start()
    expect(deletion.status).toBe('pending')
    finish()
    await first
    expect([vi.mocked(deleteAccount).mock.calls.length, deletion.status]).toEqual([1, 'deleted'])
  })

  it('starts afresh when the section shows again, with the platform’s web links to ask for a deletion', async () => {
    const { deletion } = setUp()
    vi.mocked(deleteAccount).mockRejectedValueOnce(new AppError('deletion-refused'))
    await deletion.remove('alice', 'secret')
    const info = vi.spyOn(usePlatformStore(), 'info')
    info.mockResolvedValueOnce({ support: 'https://example.com/help', terms: 'javascript:alert(1)' } as never)
    await deletion.start()
    expect([deletion.status, deletion.error, deletion.help]).toEqual([
      'idle',
      null,
      { support: 'https://example.com/help', terms: null },
    ])
    info.mockRejectedValueOnce(new AppError('network'))
    await deletion.start()
    expect(deletion.help).toEqual({ support: null, terms: null })
  })
})
