import type { Connection, Service } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadAccesses } from '@/services/account/accessRecords'
import { removeAccesses } from '@/services/account/accessRemoval'
import { loadWebhooks } from '@/services/account/webhooks'
import { AppError } from '@/services/appError'
import { loadStreamNames } from '@/services/streamNames'
import { useAccountAccessesStore } from '@/stores/account/accountAccesses'
import { useAccountSessionStore } from '@/stores/account/accountSession'
import { useAuthSessionStore } from '@/stores/authSession'
import { allRecords, now } from '../../services/account/accessFixtures'
import { freshPlatform } from '../freshPlatform'

vi.mock('@/services/account/accessRecords', () => ({ loadAccesses: vi.fn() }))
vi.mock('@/services/account/accessRemoval', () => ({ removeAccesses: vi.fn() }))
vi.mock('@/services/account/webhooks', () => ({ loadWebhooks: vi.fn() }))
vi.mock('@/services/streamNames', () => ({ loadStreamNames: vi.fn() }))

const connection = { token: 'personal-token' } as unknown as Connection
const hooks = [
  { id: 'w1', accessId: 'app-diary', host: 'hooks.example.com' },
  { id: 'w2', accessId: 'link', host: 'hooks.example.com' },
]

/** Signed in for real (the session's own `call`), so an ended session ends the account area's session too. */
function setUp() {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(now * 1000)
  freshPlatform({} as Service)
  vi.mocked(loadAccesses).mockResolvedValue(allRecords)
  vi.mocked(loadStreamNames).mockResolvedValue(new Map())
  vi.mocked(loadWebhooks).mockResolvedValue(hooks)
  const session = useAccountSessionStore()
  session.own = { id: 'p-web', appId: 'pryv-app-web-auth-3', username: 'alice' }
  useAuthSessionStore().session = { username: 'alice', connection }
  return { session, accesses: useAccountAccessesStore() }
}

afterEach(() => vi.useRealTimers())

describe('accountAccesses store: loading', () => {
  it("is the store the account's accesses are kept under, empty until read", () => {
    const { accesses } = setUp()
    expect([accesses.$id, accesses.records, accesses.groups]).toEqual(['accountAccesses', [], []])
  })

  it('ends the session when the webhooks answer that it ended, rather than listing without them', async () => {
    const { accesses, session } = setUp()
    vi.mocked(loadWebhooks).mockRejectedValueOnce(new AppError('session-expired'))
    await accesses.load()
    expect([accesses.loadStatus, accesses.loadError?.code, accesses.records]).toEqual(['error', 'session-expired', []])
    expect([session.view, session.reason]).toEqual(['sign-in', 'expired'])
  })

  it('still shows the list it read once signed out, none of it marked as the own session', async () => {
    const { accesses, session } = setUp()
    await accesses.ensureLoaded()
    session.own = null
    expect(accesses.groups.length).toBeGreaterThan(0)
    expect(accesses.groups.some((group) => group.own)).toBe(false)
  })

  it('finishes a read the session ended during, and reads again after the next sign-in', async () => {
    const { accesses, session } = setUp()
    let finish: (value: typeof allRecords) => void = () => undefined
    vi.mocked(loadAccesses).mockReturnValueOnce(new Promise((resolve) => (finish = resolve)))
    const loading = accesses.ensureLoaded()
    session.own = null
    finish(allRecords)
    await loading
    expect([accesses.loadStatus, accesses.loadError]).toEqual(['done', null])
    session.own = { id: 'p-web', appId: 'pryv-app-web-auth-3', username: 'alice' }
    await accesses.ensureLoaded()
    expect(loadAccesses).toHaveBeenCalledTimes(2)
  })

  it('says the session ended when the list is asked for after it did', async () => {
    const { accesses, session } = setUp()
    await accesses.ensureLoaded()
    await session.call(() => Promise.reject(new AppError('session-expired'))).catch(() => undefined)
    await expect(accesses.ensureLoaded()).resolves.toBeUndefined()
    expect(accesses.loadError?.code).toBe('session-expired')
    expect(loadAccesses).toHaveBeenCalledTimes(1)
  })
})

describe('accountAccesses store: removing', () => {
  it('sends nothing and shows no failure when nothing waits for a confirmation', async () => {
    const { accesses } = setUp()
    await accesses.ensureLoaded()
    await accesses.confirmRemoval()
    expect([accesses.removalStatus, accesses.removalError]).toEqual(['idle', null])
    expect(removeAccesses).not.toHaveBeenCalled()
  })

  it('keeps the confirmation open to try again when the removal failed', async () => {
    const { accesses } = setUp()
    await accesses.ensureLoaded()
    vi.mocked(removeAccesses).mockRejectedValueOnce(new AppError('server'))
    accesses.askRemoval('link')
    await accesses.confirmRemoval()
    expect([accesses.removalError?.code, accesses.confirming?.ids]).toEqual(['server', ['link']])
    expect(accesses.records).toHaveLength(allRecords.length)
  })

  it("keeps the other accesses' webhooks listed", async () => {
    const { accesses } = setUp()
    await accesses.ensureLoaded()
    vi.mocked(removeAccesses).mockResolvedValueOnce({ removed: ['app-diary'], refused: [] })
    accesses.askRemoval('app-diary')
    await accesses.confirmRemoval()
    expect(accesses.webhooks).toEqual([hooks[1]])
  })

  it('removes when the webhooks could not be listed, still saying "any webhooks"', async () => {
    const { accesses } = setUp()
    vi.mocked(loadWebhooks).mockRejectedValueOnce(new AppError('invalid-request'))
    await accesses.ensureLoaded()
    vi.mocked(removeAccesses).mockResolvedValueOnce({ removed: ['link'], refused: [] })
    accesses.askRemoval('link')
    await accesses.confirmRemoval()
    expect([accesses.removalStatus, accesses.webhooks, accesses.removedTitle]).toEqual([
      'done',
      null,
      'For my physiotherapist',
    ])
  })

  it('asks again for all that is left of the group, a session that appeared meanwhile included', async () => {
    const { accesses } = setUp()
    await accesses.ensureLoaded()
    accesses.askRemoval('oauth-grant')
    const newSession = { ...allRecords.find((record) => record.id === 'oauth-1')!, id: 'oauth-3' }
    vi.mocked(loadAccesses).mockResolvedValueOnce([...allRecords, newSession])
    await accesses.load()
    vi.mocked(removeAccesses).mockResolvedValueOnce({
      removed: ['oauth-grant'],
      refused: [{ id: 'oauth-1', error: new AppError('server') }],
    })
    await accesses.confirmRemoval()
    expect(vi.mocked(removeAccesses).mock.calls).toEqual([[connection, ['oauth-grant', 'oauth-1', 'oauth-2']]])
    expect(accesses.confirming?.ids).toEqual(expect.arrayContaining(['oauth-1', 'oauth-2', 'oauth-3']))
  })
})
