// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { auditStreamOf, isWanted, readAuditPage, summarizeAudit, type AuditQuery } from '@/services/account/auditTrail'
import { fakeApiSession, type ApiCall } from '../fakeApi'

afterEach(() => vi.unstubAllGlobals())

interface Raw {
  id: string
  time: number
  streamIds: string[]
  type: string
  content: Record<string, unknown>
}

function entry(id: string, time: number, accessId: string, extra: Partial<Raw> = {}): Raw {
  return {
    id,
    time,
    streamIds: [auditStreamOf(accessId), ':_audit:action-events.get'],
    type: 'audit-log/pryv-api',
    content: { action: 'events.get', query: { limit: '5' }, source: { ip: '10.0.0.1', name: 'http' } },
    ...extra,
  }
}

/**
 * The audit as a PostgreSQL-backed platform answers it: the streams filter ignored (every access's entries), the
 * time bounds, types, limit and order honoured.
 */
function platformAnswering(trail: Raw[]) {
  return fakeApiSession((call: ApiCall) => {
    const params = call.params as { fromTime: number; toTime: number; limit: number; types?: string[] }
    const events = trail
      .filter((item) => item.time >= params.fromTime && item.time <= params.toTime)
      .filter((item) => !params.types || params.types.includes(item.type))
      .sort((a, b) => b.time - a.time)
      .slice(0, params.limit)
    return { events }
  })
}

const query: AuditQuery = { accessIds: ['A'], since: 0, until: 1000 }
const paging = { pageSize: 3, batchSize: 4, maxRequests: 10 }

// Newest first: A's entries among B's, two of A's at the same instant across a batch boundary.
const trail: Raw[] = [
  entry('a1', 900, 'A'),
  entry('b1', 890, 'B'),
  entry('b2', 880, 'B'),
  entry('a2', 870, 'A'),
  entry('a3', 870, 'A'),
  entry('b3', 860, 'B'),
  entry('a4', 850, 'A', {
    type: 'audit-log/pryv-api-error',
    content: { action: 'events.create', query: {}, id: 'forbidden', message: '<img src=x onerror=alert(1)>' },
  }),
  entry('b4', 840, 'B'),
]

describe('readAuditPage', () => {
  it("keeps only the access's own entries although the platform answers every access's", async () => {
    const { session } = platformAnswering(trail)
    const page = await readAuditPage(session.connection, query, null, { ...paging, pageSize: 100 })
    expect(page.entries.map((item) => item.id)).toEqual(['a1', 'a2', 'a3', 'a4'])
    expect(page.next).toBeNull()
  })

  it('reads back in time by batches until a page is full, then goes on from where it stopped without repeats', async () => {
    const { session, calls } = platformAnswering(trail)
    const first = await readAuditPage(session.connection, query, null, { ...paging, pageSize: 2 })
    expect(first.entries.map((item) => item.id)).toEqual(['a1', 'a2'])
    // a3 shares a2's instant: the next page asks from that instant again, leaving out what it read there.
    expect(first.next).toEqual({ before: 870, readAtBefore: ['a2'] })
    const second = await readAuditPage(session.connection, query, first.next, paging)
    expect(second.entries.map((item) => item.id)).toEqual(['a3', 'a4'])
    expect(second.next).toBeNull()
    expect(calls.map((call) => (call.params as { toTime: number }).toTime)).toEqual([1000, 870, 850])
    expect(calls[0]).toEqual({
      method: 'events.get',
      params: { streams: [':_audit:access-A'], fromTime: 0, toTime: 1000, limit: 4, sortAscending: false },
    })
  })

  it('steps past an instant whose whole batch it has read already', async () => {
    const sameInstant = ['x1', 'x2', 'x3', 'x4'].map((id) => entry(id, 500, 'B'))
    const { session } = platformAnswering([...sameInstant, entry('a9', 400, 'A')])
    const page = await readAuditPage(
      session.connection,
      query,
      { before: 500, readAtBefore: ['x1', 'x2', 'x3', 'x4'] },
      paging,
    )
    expect(page.entries.map((item) => item.id)).toEqual(['a9'])
  })

  it('stops after its number of requests with a cursor to go on, never silently at the end', async () => {
    const others = Array.from({ length: 20 }, (_, index) => entry(`b${index}`, 990 - index, 'B'))
    const { session, calls } = platformAnswering(others)
    const page = await readAuditPage(session.connection, query, null, { ...paging, maxRequests: 2 })
    expect([page.entries, calls.length]).toEqual([[], 2])
    expect(page.next).toEqual({ before: 984, readAtBefore: ['b6'] })
  })

  it('asks for errors only by type and checks them itself, and filters a kind of call', async () => {
    const { session, calls } = platformAnswering(trail)
    const errors = await readAuditPage(session.connection, { ...query, errorsOnly: true }, null, paging)
    expect(errors.entries.map((item) => item.id)).toEqual(['a4'])
    expect((calls[0]?.params as { types?: string[] }).types).toEqual(['audit-log/pryv-api-error'])
    const creates = await readAuditPage(session.connection, { ...query, action: 'events.create' }, null, paging)
    expect(creates.entries.map((item) => item.id)).toEqual(['a4'])
  })

  it("keeps the entry's words as text, cut to a sane length, and its parameters as JSON text", async () => {
    const long = 'y'.repeat(3000)
    const { session } = platformAnswering([
      ...trail,
      entry('a5', 100, 'A', { content: { action: long, query: { q: long }, source: { ip: '1.2.3.4' } } }),
    ])
    const page = await readAuditPage(session.connection, query, null, { ...paging, pageSize: 100 })
    const error = page.entries.find((item) => item.id === 'a4')
    expect(error).toEqual({
      id: 'a4',
      time: 850,
      action: 'events.create',
      query: '{}',
      error: { id: 'forbidden', message: '<img src=x onerror=alert(1)>' },
    })
    const cut = page.entries.find((item) => item.id === 'a5')
    expect([cut?.action.length, cut?.query.length, cut?.ip]).toEqual([300, 2000, '1.2.3.4'])
  })

  it('reads the accesses of a whole group at once', async () => {
    const { session, calls } = platformAnswering(trail)
    const page = await readAuditPage(session.connection, { ...query, accessIds: ['A', 'B'] }, null, {
      ...paging,
      pageSize: 100,
    })
    expect(page.entries).toHaveLength(trail.length)
    expect((calls[0]?.params as { streams: string[] }).streams).toEqual([':_audit:access-A', ':_audit:access-B'])
  })
})

describe('isWanted', () => {
  const own = { streamIds: [':_audit:access-A'], action: 'events.get', isError: false }

  it('needs the stream of one of the accesses, the action asked for and, when asked, an error', () => {
    expect(isWanted(own, query)).toBe(true)
    expect(isWanted({ ...own, streamIds: [':_audit:access-AB'] }, query)).toBe(false)
    expect(isWanted(own, { ...query, action: 'events.create' })).toBe(false)
    expect(isWanted(own, { ...query, errorsOnly: true })).toBe(false)
    expect(isWanted({ ...own, isError: true }, { ...query, errorsOnly: true })).toBe(true)
  })
})

describe('summarizeAudit', () => {
  it('counts calls by kind (most first, then by name), errors, first and last', () => {
    const summary = summarizeAudit([
      { id: '1', time: 30, action: 'events.get', query: '{}' },
      { id: '2', time: 10, action: 'streams.get', query: '{}' },
      { id: '3', time: 20, action: 'events.get', query: '{}', error: { id: 'forbidden', message: '' } },
      { id: '4', time: 25, action: 'accesses.get', query: '{}' },
    ])
    expect(summary).toEqual({
      calls: 4,
      errors: 1,
      byAction: [
        { action: 'events.get', count: 2 },
        { action: 'accesses.get', count: 1 },
        { action: 'streams.get', count: 1 },
      ],
      first: 10,
      last: 30,
    })
    expect(summarizeAudit([])).toEqual({ calls: 0, errors: 0, byAction: [] })
  })
})
