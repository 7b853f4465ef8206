// @vitest-environment node
import type { Service } from 'pryv'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { navigateTo } from '@/services/browserWindow'
import { existingUsername, userHomeUrl } from '@/services/users'
import { useSignInHubStore } from '@/stores/signInHub'
import { freshPlatform } from './freshPlatform'
import { installFakeWindow } from '../services/fakeWindow'

vi.mock('@/services/users', () => ({ existingUsername: vi.fn(), userHomeUrl: vi.fn() }))
vi.mock('@/services/browserWindow', () => ({ navigateTo: vi.fn(() => true), isFramed: () => false }))

// The platform store reads the page's address: the fake window gives the one jsdom would.
beforeEach(() => void installFakeWindow({ url: 'http://localhost:3000/' }))
afterEach(() => vi.unstubAllGlobals())

const service = {} as Service

function setUp(home: string) {
  const platform = freshPlatform(service)
  vi.mocked(existingUsername).mockImplementation(async (_service, login) => (login === 'alice' ? 'alice' : null))
  vi.mocked(userHomeUrl).mockResolvedValue(new URL(home))
  const store = useSignInHubStore()
  store.start()
  return { store, platform }
}

describe('signInHub store', () => {
  it("sends the browser to the account's home", async () => {
    const { store } = setUp('http://127.0.0.1:3000/alice/')
    await store.goToAccount('alice')
    expect(vi.mocked(navigateTo).mock.calls).toEqual([['http://127.0.0.1:3000/alice/']])
    expect(store.status).toBe('done')
  })

  it('tells an unknown account and goes nowhere', async () => {
    const { store } = setUp('http://127.0.0.1:3000/bob/')
    await store.goToAccount('bob')
    expect([store.status, store.error?.code]).toEqual(['error', 'unknown-user'])
    expect(navigateTo).not.toHaveBeenCalled()
  })

  it('never leaves for a home outside the trusted platforms', async () => {
    const { store, platform } = setUp('https://alice.evil.example/')
    await store.goToAccount('alice')
    expect(navigateTo).not.toHaveBeenCalled()
    expect(platform.untrusted).toEqual({ role: 'api', host: 'alice.evil.example' })
  })
})
