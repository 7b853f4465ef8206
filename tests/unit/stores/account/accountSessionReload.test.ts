import type { Connection, Service } from 'pryv'
import { describe, expect, it, vi } from 'vitest'
import { readOwnAccess } from '@/services/account/ownAccess'
import { signIn } from '@/services/signIn'
import { useAccountSessionStore } from '@/stores/account/accountSession'
import { freshPlatform } from '../freshPlatform'

// The browser says the page was reloaded: the session, in memory only, is gone.
vi.mock('@/services/account/pageReload', () => ({ pageWasReloaded: () => true }))
vi.mock('@/services/account/ownAccess', () => ({ readOwnAccess: vi.fn() }))
vi.mock('@/services/signIn', async (actual) => ({ ...(await actual<object>()), signIn: vi.fn() }))

const connection = { token: 'personal-token' } as unknown as Connection

describe('accountSession store after a reload', () => {
  it('asks to sign in again and says why, until the person signed in', async () => {
    freshPlatform({} as Service)
    vi.mocked(readOwnAccess).mockResolvedValue({ id: 'p-web', appId: 'pryv-app-web-auth-3' })
    vi.mocked(signIn).mockResolvedValue({ kind: 'signed-in', session: { username: 'alice', connection } })
    const account = useAccountSessionStore()
    expect([account.view, account.reason, account.own]).toEqual(['sign-in', 'reloaded', null])
    await account.submit('alice', 'password-1')
    expect([account.view, account.reason]).toEqual(['signed-in', null])
  })
})
