// @vitest-environment jsdom
// (the consent message is rendered through DOMPurify, which needs a DOM)
import type { Service } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadAccesses } from '@/services/account/accessRecords'
import { readAuditPage } from '@/services/account/auditTrail'
import { loadWebhooks } from '@/services/account/webhooks'
import { loadStreamNames } from '@/services/streamNames'
import { useAccessActivityStore } from '@/stores/account/accessActivity'
import { useAccountSessionStore } from '@/stores/account/accountSession'
import { allRecords, now } from '../../services/account/accessFixtures'
import { freshPlatform } from '../freshPlatform'

vi.mock('@/services/account/accessRecords', () => ({ loadAccesses: vi.fn() }))
vi.mock('@/services/account/webhooks', () => ({ loadWebhooks: vi.fn() }))
vi.mock('@/services/streamNames', () => ({ loadStreamNames: vi.fn() }))
vi.mock('@/services/account/auditTrail', async (actual) => ({ ...(await actual<object>()), readAuditPage: vi.fn() }))

const entry = { id: 'e1', time: now - 10, action: 'events.get', query: '{}' }

function setUp() {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(now * 1000)
  freshPlatform({} as Service)
  vi.mocked(loadAccesses).mockResolvedValue(
    allRecords.map((record) =>
      record.id === 'app-diary'
        ? { ...record, consentMessage: '**Diary** <img src=x onerror=alert(1)> [site](javascript:alert(1))' }
        : record,
    ),
  )
  vi.mocked(loadStreamNames).mockResolvedValue(new Map())
  vi.mocked(loadWebhooks).mockResolvedValue([])
  vi.mocked(readAuditPage).mockResolvedValue({ entries: [entry], next: { before: now - 10, readAtBefore: ['e1'] } })
  const session = useAccountSessionStore()
  session.own = { id: 'p-web', appId: 'pryv-app-web-auth-3', username: 'alice' }
  vi.spyOn(session, 'call').mockImplementation(async (work) => work({} as never))
  return useAccessActivityStore()
}

afterEach(() => vi.useRealTimers())

const queries = () =>
  vi.mocked(readAuditPage).mock.calls.map(([, query, cursor, paging]) => ({ query, cursor, paging }))

describe('accessActivity store', () => {
  it('reads the list if needed, then the first entries and the summary of all the access made', async () => {
    const activity = setUp()
    await activity.open('app-diary')
    expect(loadAccesses).toHaveBeenCalledTimes(1)
    expect(activity.record?.id).toBe('app-diary')
    const created = now - 40 * 86400
    expect(queries()).toEqual([
      {
        query: { accessIds: ['app-diary'], since: created - 1, until: now + 1, errorsOnly: false },
        cursor: null,
        paging: { pageSize: 25, batchSize: 100, maxRequests: 10 },
      },
      {
        query: { accessIds: ['app-diary'], since: created - 1, until: now + 1 },
        cursor: null,
        paging: { pageSize: Number.POSITIVE_INFINITY, batchSize: 1000, maxRequests: 10 },
      },
    ])
    expect(activity.entries).toEqual([entry])
    expect(activity.summary).toEqual({
      value: { calls: 1, errors: 0, byAction: [{ action: 'events.get', count: 1 }], first: now - 10, last: now - 10 },
      complete: false,
    })
  })

  it("shows the app's message as sanitized markdown", async () => {
    const activity = setUp()
    await activity.open('app-diary')
    expect(activity.consentHtml).toContain('<strong>Diary</strong>')
    expect(activity.consentHtml).not.toMatch(/onerror|javascript:/)
  })

  it("reads all of an OAuth client's rows for its grant, and one row for an access an app created", async () => {
    const activity = setUp()
    await activity.open('oauth-grant')
    expect(queries()[0]?.query.accessIds).toEqual(['oauth-grant', 'oauth-1', 'oauth-2'])
    vi.mocked(readAuditPage).mockClear()
    await activity.open('share-diary')
    expect(queries()[0]?.query.accessIds).toEqual(['share-diary'])
  })

  it('goes on from the cursor, and reads again from the newest with a filter', async () => {
    const activity = setUp()
    await activity.open('app-diary')
    vi.mocked(readAuditPage).mockClear()
    vi.mocked(readAuditPage).mockResolvedValueOnce({ entries: [{ ...entry, id: 'e0' }], next: null })
    await activity.readOlder()
    expect(queries()[0]?.cursor).toEqual({ before: now - 10, readAtBefore: ['e1'] })
    expect([activity.entries.map((item) => item.id), activity.cursor]).toEqual([['e1', 'e0'], null])
    vi.mocked(readAuditPage).mockClear()
    await activity.applyFilter({ action: 'events.create', errorsOnly: true, period: 'week' })
    expect(queries()[0]).toMatchObject({
      query: { since: now - 7 * 86400 - 1, action: 'events.create', errorsOnly: true },
      cursor: null,
    })
    expect(activity.entries).toEqual([entry])
  })

  it('shows nothing of an access that is not listed', async () => {
    const activity = setUp()
    await activity.open('unknown')
    expect([activity.record, readAuditPage]).toEqual([undefined, expect.anything()])
    expect(readAuditPage).not.toHaveBeenCalled()
  })
})
