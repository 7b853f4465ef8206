import type { Service } from 'pryv'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { config } from '@/config'
import { requestPasswordReset, resetPassword } from '@/services/passwords'
import { findUsername } from '@/services/users'
import { neutralAnswerMs, usePasswordResetStore } from '@/stores/passwordReset'
import { freshPlatform } from './freshPlatform'

vi.mock('@/services/users', () => ({ findUsername: vi.fn() }))
vi.mock('@/services/passwords', () => ({ requestPasswordReset: vi.fn(), resetPassword: vi.fn() }))

const service = {} as Service

function setUp(query: Record<string, string> = {}) {
  freshPlatform(service)
  vi.mocked(findUsername).mockImplementation(async (_service, login) =>
    login === 'alice' || login === 'alice@example.com' ? 'alice' : null,
  )
  const store = usePasswordResetStore()
  store.start(query)
  return store
}

describe('passwordReset store: asking for the mail', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it.each(['alice', 'alice@example.com', 'nobody', 'nobody@example.com'])(
    'answers "%s" done only once the neutral delay has passed',
    async (login) => {
      const store = setUp()
      const request = store.requestMail(login)
      await vi.advanceTimersByTimeAsync(neutralAnswerMs - 1)
      expect(store.status).toBe('pending')
      await vi.advanceTimersByTimeAsync(1)
      await request
      expect([store.status, store.error]).toEqual(['done', null])
    },
  )

  it('requests the mail for an existing account only, with our app id', async () => {
    const store = setUp()
    const requests = Promise.all([store.requestMail('alice@example.com'), vi.advanceTimersByTimeAsync(neutralAnswerMs)])
    await requests
    expect(vi.mocked(requestPasswordReset).mock.calls).toEqual([[service, 'alice', config.appId]])
    store.start({})
    await Promise.all([store.requestMail('nobody'), vi.advanceTimersByTimeAsync(neutralAnswerMs)])
    expect(requestPasswordReset).toHaveBeenCalledTimes(1)
  })

  it('makes one request for a double submit', async () => {
    const store = setUp()
    await Promise.all([
      store.requestMail('alice'),
      store.requestMail('alice'),
      vi.advanceTimersByTimeAsync(neutralAnswerMs),
    ])
    expect(findUsername).toHaveBeenCalledTimes(1)
  })
})

describe('passwordReset store: with the mailed token', () => {
  it('sets the new password with the token from the link, and uses it once', async () => {
    const store = setUp({ resetToken: 'token-1', lang: 'fr' })
    expect(store.mode).toBe('reset')
    await store.resetWithToken('alice', 'new-password-1')
    expect(vi.mocked(resetPassword).mock.calls).toEqual([[service, 'alice', 'new-password-1', 'token-1', config.appId]])
    expect(store.status).toBe('done')
  })

  it('answers an unknown account as an invalid link, without calling the reset', async () => {
    const store = setUp({ resetToken: 'token-1' })
    await store.resetWithToken('nobody', 'new-password-1')
    expect([store.status, store.error?.code]).toEqual(['error', 'invalid-reset-token'])
    expect(resetPassword).not.toHaveBeenCalled()
  })

  it('drops the token when the user asks for a new mail', async () => {
    const store = setUp({ resetToken: 'token-1' })
    await store.resetWithToken('nobody', 'new-password-1')
    store.askForNewMail()
    expect([store.mode, store.status, store.error]).toEqual(['request', 'idle', null])
  })

  it('asks for the mail when the link has no token', () => {
    expect(setUp({ resetToken: '' }).mode).toBe('request')
  })
})
