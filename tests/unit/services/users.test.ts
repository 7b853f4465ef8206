import type { Service } from 'pryv'
import { describe, expect, it } from 'vitest'
import { existingUsername, findUsername, userHomeUrl } from '@/services/users'

interface Calls {
  uid: string[]
  exists: string[]
}

/** A Service answering the register lookups from this account list. */
function fakeService(accounts: Record<string, string>, failure?: unknown): { service: Service; calls: Calls } {
  const calls: Calls = { uid: [], exists: [] }
  const fake = {
    async userIdForEmail(email: string) {
      calls.uid.push(email)
      if (failure) throw failure
      return Object.entries(accounts).find(([, mail]) => mail === email)?.[0] ?? null
    },
    async userExists(username: string) {
      calls.exists.push(username)
      if (failure) throw failure
      return username in accounts
    },
    async apiEndpointFor(username: string) {
      return `https://${username}.pryv.example/`
    },
  }
  return { service: fake as unknown as Service, calls }
}

const accounts = { alice: 'alice@example.com' }

describe('findUsername', () => {
  it('asks for the username behind an e-mail, and only that', async () => {
    const { service, calls } = fakeService(accounts)
    expect(await findUsername(service, ' alice@example.com ')).toBe('alice')
    expect(await findUsername(service, 'bob@example.com')).toBeNull()
    expect(calls).toEqual({ uid: ['alice@example.com', 'bob@example.com'], exists: [] })
  })

  it('checks that a username exists, in lower case', async () => {
    const { service, calls } = fakeService(accounts)
    expect(await findUsername(service, 'Alice')).toBe('alice')
    expect(await findUsername(service, 'bob-b')).toBeNull()
    expect(calls).toEqual({ uid: [], exists: ['alice', 'bob-b'] })
  })

  it('reports an unreachable platform as such, not as an unknown account', async () => {
    const { service } = fakeService(accounts, new TypeError('Failed to fetch'))
    await expect(findUsername(service, 'alice')).rejects.toMatchObject({ code: 'network' })
    await expect(findUsername(service, 'alice@example.com')).rejects.toMatchObject({ code: 'network' })
  })
})

describe('existingUsername', () => {
  it('checks a username in lower case, and never looks up an e-mail address', async () => {
    const { service, calls } = fakeService(accounts)
    expect(await existingUsername(service, ' Alice ')).toBe('alice')
    expect(await existingUsername(service, 'bob-b')).toBeNull()
    expect(await existingUsername(service, 'alice@example.com')).toBeNull()
    expect(calls).toEqual({ uid: [], exists: ['alice', 'bob-b'] })
  })
})

describe('userHomeUrl', () => {
  it("is the account's API endpoint, without a token", async () => {
    const { service } = fakeService(accounts)
    expect((await userHomeUrl(service, 'alice')).href).toBe('https://alice.pryv.example/')
  })

  it('refuses an endpoint that is not an http(s) URL', async () => {
    const service = { apiEndpointFor: async () => 'javascript:alert(1)//' } as unknown as Service
    await expect(userHomeUrl(service, 'alice')).rejects.toMatchObject({ code: 'unexpected-answer' })
  })
})
