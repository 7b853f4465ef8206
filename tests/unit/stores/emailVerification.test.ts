import type { Service } from 'pryv'
import { describe, expect, it, vi } from 'vitest'
import { config } from '@/config'
import { AppError } from '@/services/appError'
import { verifyEmail } from '@/services/account/emailVerification'
import { keepOutOfAddress } from '@/services/linkSecrets'
import { useEmailVerificationStore } from '@/stores/emailVerification'
import { freshPlatform } from './freshPlatform'

vi.mock('@/services/account/emailVerification', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/services/account/emailVerification')>()),
  verifyEmail: vi.fn(),
}))

const service = {} as Service

/** A fresh store after the router's guard took this link's query out of the address. */
function arrive(query: Record<string, string>) {
  const platform = freshPlatform(service)
  keepOutOfAddress({ path: '/verify-email', query, hash: '' }, 'verifyToken', 'username')
  return { platform, store: useEmailVerificationStore() }
}

describe('emailVerification store', () => {
  it('says a link without a token cannot be used, and calls nothing', () => {
    const { store } = arrive({})
    store.start()
    expect(store.panel).toBe('invalid-link')
    expect(verifyEmail).not.toHaveBeenCalled()
  })

  it('verifies at once for the username the link names, with the configured app id', async () => {
    vi.mocked(verifyEmail).mockResolvedValue({ kind: 'verified', email: 'a@example.com' })
    const { store } = arrive({ verifyToken: 't0k', username: 'alice' })
    store.start()
    expect(store.panel).toBe('pending')
    await vi.waitFor(() => expect(store.panel).toBe('verified'))
    expect(store.email).toBe('a@example.com')
    expect(verifyEmail).toHaveBeenCalledExactlyOnceWith(service, 'alice', 't0k', config.appId)
  })

  it('asks for the account, keeps the form while the call runs and after an unknown name', async () => {
    vi.mocked(verifyEmail).mockResolvedValue({ kind: 'unknown-user' })
    const { store } = arrive({ verifyToken: 't0k' })
    store.start()
    expect(store.panel).toBe('form')
    const submitted = store.submit('bob')
    expect(store.view).toBe('pending')
    expect(store.panel).toBe('form')
    await submitted
    expect(store.panel).toBe('form')
    expect(store.error?.code).toBe('unknown-user')
  })

  it('keeps its outcome when the page shows again without a link, and never sends twice', async () => {
    vi.mocked(verifyEmail).mockResolvedValue({ kind: 'invalid-link' })
    const { store } = arrive({ verifyToken: 't0k', username: 'alice' })
    store.start()
    await vi.waitFor(() => expect(store.panel).toBe('invalid-link'))
    store.start()
    await store.submit('alice')
    expect(store.panel).toBe('invalid-link')
    expect(verifyEmail).toHaveBeenCalledTimes(1)
  })

  it('shows a failure with its reason, and Try again sends for the same account', async () => {
    vi.mocked(verifyEmail).mockResolvedValueOnce({ kind: 'failed', error: new AppError('network') })
    vi.mocked(verifyEmail).mockResolvedValueOnce({ kind: 'verified', email: 'a@example.com' })
    const { store } = arrive({ verifyToken: 't0k' })
    store.start()
    await store.submit('alice@example.com')
    expect(store.panel).toBe('failed')
    expect(store.error?.code).toBe('network')
    await store.retry()
    expect(store.panel).toBe('verified')
    expect(vi.mocked(verifyEmail).mock.calls.map((call) => call[1])).toEqual(['alice@example.com', 'alice@example.com'])
  })

  it('sends nothing to a platform it does not trust', async () => {
    const { platform, store } = arrive({ verifyToken: 't0k', username: 'alice' })
    vi.mocked(platform.trustedService).mockResolvedValue(null)
    store.start()
    await vi.waitFor(() => expect(store.panel).toBe('failed'))
    expect(verifyEmail).not.toHaveBeenCalled()
  })
})
