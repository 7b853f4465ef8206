import type { Service } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadAccesses } from '@/services/account/accessRecords'
import { removeAccesses } from '@/services/account/accessRemoval'
import { loadWebhooks } from '@/services/account/webhooks'
import { AppError } from '@/services/appError'
import { loadStreamNames } from '@/services/streamNames'
import { useAccountAccessesStore } from '@/stores/account/accountAccesses'
import { useAccountSessionStore } from '@/stores/account/accountSession'
import { allRecords, now } from '../../services/account/accessFixtures'
import { freshPlatform } from '../freshPlatform'

vi.mock('@/services/account/accessRecords', () => ({ loadAccesses: vi.fn() }))
vi.mock('@/services/account/accessRemoval', () => ({ removeAccesses: vi.fn() }))
vi.mock('@/services/account/webhooks', () => ({ loadWebhooks: vi.fn() }))
vi.mock('@/services/streamNames', () => ({ loadStreamNames: vi.fn() }))

const connection = { token: 'personal-token' }

async function setUp() {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(now * 1000)
  freshPlatform({} as Service)
  vi.mocked(loadAccesses).mockResolvedValue(allRecords)
  vi.mocked(loadStreamNames).mockResolvedValue(new Map([['diary', 'Diary']]))
  vi.mocked(loadWebhooks).mockResolvedValue([{ id: 'w1', accessId: 'app-diary', host: 'hooks.example.com' }])
  const session = useAccountSessionStore()
  // Signed in as the fixtures' own session, its calls reaching the stubbed services.
  session.own = { id: 'p-web', appId: 'pryv-app-web-auth-3', username: 'alice' }
  vi.spyOn(session, 'call').mockImplementation(async (work) => work(connection as never))
  const accesses = useAccountAccessesStore()
  await accesses.ensureLoaded()
  return { session, accesses }
}

afterEach(() => vi.useRealTimers())

describe('accountAccesses store', () => {
  it('reads the accesses, the stream names and the webhooks once per session', async () => {
    const { accesses, session } = await setUp()
    expect(accesses.records).toEqual(allRecords)
    expect(accesses.liveGroups.length + accesses.expiredGroups.length).toBe(accesses.groups.length)
    expect(accesses.expiredGroups.map((group) => group.main.id)).toEqual(['app-old'])
    await accesses.ensureLoaded()
    expect(loadAccesses).toHaveBeenCalledTimes(1)
    session.own = { id: 'p-other', appId: 'x', username: 'bob' }
    await accesses.ensureLoaded()
    expect(loadAccesses).toHaveBeenCalledTimes(2)
  })

  it('still lists the accesses when the webhooks cannot be listed, and says "any webhooks" then', async () => {
    const { accesses } = await setUp()
    vi.mocked(loadWebhooks).mockRejectedValueOnce(new AppError('invalid-request'))
    await accesses.load()
    expect([accesses.loadStatus, accesses.webhooks]).toEqual(['done', null])
  })

  it('removes after the confirmation only, in one request however often it is confirmed, and updates the list', async () => {
    const { accesses } = await setUp()
    let finish: (value: { removed: string[]; refused: [] }) => void = () => undefined
    vi.mocked(removeAccesses).mockReturnValue(new Promise((resolve) => (finish = resolve)))
    accesses.askRemoval('app-diary')
    expect(removeAccesses).not.toHaveBeenCalled()
    expect(accesses.confirming?.ids).toEqual(['app-diary'])
    const first = accesses.confirmRemoval()
    const second = accesses.confirmRemoval()
    finish({ removed: ['app-diary', 'share-diary'], refused: [] })
    await Promise.all([first, second])
    expect(vi.mocked(removeAccesses).mock.calls).toEqual([[connection, ['app-diary']]])
    expect(accesses.records.map((record) => record.id)).not.toContain('share-diary')
    expect(accesses.webhooks).toEqual([])
    expect([accesses.confirming, accesses.removedTitle]).toEqual([null, 'diary-app'])
  })

  it('keeps nothing it did not confirm: cancelling sends nothing', async () => {
    const { accesses } = await setUp()
    accesses.askRemoval('link')
    accesses.cancelRemoval()
    await accesses.confirmRemoval()
    expect(removeAccesses).not.toHaveBeenCalled()
    expect(accesses.records).toHaveLength(allRecords.length)
  })

  it('says how much of a removal went, and asks again for the rest', async () => {
    const { accesses } = await setUp()
    vi.mocked(removeAccesses).mockResolvedValueOnce({
      removed: ['oauth-grant'],
      refused: [
        { id: 'oauth-1', error: new AppError('server') },
        { id: 'oauth-2', error: new AppError('server') },
      ],
    })
    accesses.askRemoval('oauth-grant')
    await accesses.confirmRemoval()
    expect([accesses.removalStatus, accesses.removalError?.code]).toEqual(['error', 'server'])
    expect(accesses.partial).toEqual({ removed: 1, asked: 3 })
    expect(accesses.confirming?.ids).toEqual(['oauth-1', 'oauth-2'])
    expect(accesses.removedTitle).toBeNull()
  })

  it('closes the confirmation when the session ended, leaving the access listed', async () => {
    const { accesses, session } = await setUp()
    vi.mocked(session.call).mockRejectedValueOnce(new AppError('session-expired'))
    accesses.askRemoval('link')
    await accesses.confirmRemoval()
    expect([accesses.confirming, accesses.removalError?.code]).toEqual([null, 'session-expired'])
    expect(accesses.records).toHaveLength(allRecords.length)
    expect(vi.mocked(session.call).mock.calls.at(-1)?.[1]).toEqual({
      action: 'remove',
      key: 'link',
      title: 'For my physiotherapist',
    })
  })

  it('offers no removal of its own session', async () => {
    const { accesses } = await setUp()
    accesses.askRemoval('p-web')
    expect(accesses.confirming).toBeNull()
  })
})
