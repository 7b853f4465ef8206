// @vitest-environment jsdom
// (the consent message is rendered through DOMPurify, which needs a DOM)
import type { Service } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AccessRecord } from '@/services/account/accessRecords'
import { loadAccesses } from '@/services/account/accessRecords'
import { readAuditPage } from '@/services/account/auditTrail'
import { loadWebhooks } from '@/services/account/webhooks'
import { loadStreamNames } from '@/services/streamNames'
import { useAccessActivityStore } from '@/stores/account/accessActivity'
import { useAccountSessionStore } from '@/stores/account/accountSession'
import { allRecords, now, records } from '../../services/account/accessFixtures'
import { freshPlatform } from '../freshPlatform'

vi.mock('@/services/account/accessRecords', () => ({ loadAccesses: vi.fn() }))
vi.mock('@/services/account/webhooks', () => ({ loadWebhooks: vi.fn() }))
vi.mock('@/services/streamNames', () => ({ loadStreamNames: vi.fn() }))
vi.mock('@/services/account/auditTrail', async (actual) => ({ ...(await actual<object>()), readAuditPage: vi.fn() }))

const day = 86400
const entry = { id: 'e1', time: now - 10, action: 'events.get', query: '{}' }

function setUp(list: AccessRecord[] = allRecords) {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(now * 1000)
  freshPlatform({} as Service)
  vi.mocked(loadAccesses).mockResolvedValue(list)
  vi.mocked(loadStreamNames).mockResolvedValue(new Map())
  vi.mocked(loadWebhooks).mockResolvedValue([])
  vi.mocked(readAuditPage).mockResolvedValue({ entries: [entry], next: null })
  const session = useAccountSessionStore()
  session.own = { id: 'p-web', appId: 'pryv-app-web-auth-3', username: 'alice' }
  vi.spyOn(session, 'call').mockImplementation(async (work) => work({} as never))
  return useAccessActivityStore()
}

afterEach(() => vi.useRealTimers())

const sinceOf = (call = 0) => vi.mocked(readAuditPage).mock.calls[call]?.[1].since

describe('accessActivity store: what is read', () => {
  it("is the store the access page's state is kept under", () => {
    expect(setUp().$id).toBe('accessActivity')
  })

  it('shows no entry, no message and the unfiltered list before an access is opened', () => {
    const activity = setUp()
    expect([activity.entries, activity.consentHtml, activity.filter, activity.cursor, activity.summary]).toEqual([
      [],
      '',
      { action: '', errorsOnly: false, period: 'all' },
      null,
      null,
    ])
  })

  it('says the summary is complete once the trail was read back to the creation', async () => {
    const activity = setUp()
    await activity.open('app-diary')
    expect(activity.summary?.complete).toBe(true)
  })

  it('reads the last month from a month before it was opened', async () => {
    const activity = setUp()
    await activity.open('app-diary')
    vi.mocked(readAuditPage).mockClear()
    await activity.applyFilter({ action: '', errorsOnly: false, period: 'month' })
    expect(vi.mocked(readAuditPage).mock.calls[0]?.[1]).toEqual({
      accessIds: ['app-diary'],
      since: now - 30 * day - 1,
      until: now + 1,
      errorsOnly: false,
    })
  })

  it("reads an OAuth client's calls from the creation of its oldest row", async () => {
    const activity = setUp(
      allRecords.map((record) =>
        record.id === 'oauth-grant'
          ? { ...record, created: now - 10 * day }
          : record.id === 'oauth-1'
            ? { ...record, created: now - 20 * day }
            : record.id === 'oauth-2'
              ? { ...record, created: now - 15 * day }
              : record,
      ),
    )
    await activity.open('oauth-grant')
    expect([sinceOf(0), sinceOf(1)]).toEqual([now - 20 * day - 1, now - 20 * day - 1])
  })

  it('reads an access an app created from its own creation when it is older than the app', async () => {
    const activity = setUp([records.ownSession, records.diaryApp, { ...records.diaryShare, created: now - 50 * day }])
    await activity.open('share-diary')
    expect(vi.mocked(readAuditPage).mock.calls[0]?.[1]).toMatchObject({
      accessIds: ['share-diary'],
      since: now - 50 * day - 1,
    })
  })

  it("drops the previous access's message when another one is opened", async () => {
    const activity = setUp(
      allRecords.map((record) => (record.id === 'app-diary' ? { ...record, consentMessage: 'For my diary' } : record)),
    )
    await activity.open('app-diary')
    expect(activity.consentHtml).toContain('For my diary')
    await activity.open('link')
    expect(activity.consentHtml).toBe('')
  })

  it('asks for no access when the one opened is not listed', async () => {
    const activity = setUp()
    await activity.open('unknown')
    await activity.readOlder()
    expect(activity.readStatus).toBe('done')
    expect(vi.mocked(readAuditPage).mock.calls[0]?.[1].accessIds).toEqual([])
  })
})
