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

  it('asks for more of an instant whose whole batch it has read already', async () => {
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

/** A platform that answers every request with the same events, whatever is asked. */
function platformAlwaysAnswering(answer: unknown) {
  return fakeApiSession(() => answer)
}

describe('readAuditPage on what the platform should not answer', () => {
  it('shows nothing of an entry it cannot read, and goes on with the others', async () => {
    const unreadable = [
      null,
      'a0',
      [entry('in-array', 990, 'A')],
      { ...entry('', 980, 'A') },
      { ...entry('no-id', 970, 'A'), id: undefined },
      { ...entry('text-time', 960, 'A'), time: '960' },
      { ...entry('no-streams', 950, 'A'), streamIds: undefined },
      { ...entry('stream-text', 940, 'A'), streamIds: ':_audit:access-A' },
    ]
    const { session } = platformAlwaysAnswering({ events: [...unreadable, entry('a1', 900, 'A')] })
    const page = await readAuditPage(session.connection, query, null, { ...paging, batchSize: 100 })
    expect(page).toEqual({ entries: [expect.objectContaining({ id: 'a1' })], next: null })
  })

  it('reads an answer without a list of entries as the end of the period', async () => {
    for (const answer of [{}, { events: { a1: entry('a1', 900, 'A') } }]) {
      const { session, calls } = platformAlwaysAnswering(answer)
      const page = await readAuditPage(session.connection, query, null, { ...paging, batchSize: 1 })
      expect([page, calls.length]).toEqual([{ entries: [], next: null }, 1])
      vi.unstubAllGlobals()
    }
  })

  it('says a full batch it cannot read at all, rather than asking again without a time limit', async () => {
    const { session, calls } = platformAlwaysAnswering({ events: [null, 'a0', { id: 'x' }, { id: 'y', time: '9' }] })
    await expect(readAuditPage(session.connection, query, null, paging)).rejects.toMatchObject({
      code: 'unexpected-answer',
    })
    expect(calls).toHaveLength(1)
  })

  it("still shows only errors when the platform answers every kind of entry, and only the accesses' own", async () => {
    const { session, calls } = platformAlwaysAnswering({ events: trail })
    const page = await readAuditPage(session.connection, { ...query, errorsOnly: true }, null, {
      ...paging,
      batchSize: 100,
    })
    expect((calls[0]?.params as { types?: string[] }).types).toEqual(['audit-log/pryv-api-error'])
    expect(page.entries.map((item) => item.id)).toEqual(['a4'])
  })
})

describe('readAuditPage shows the words of an entry as untrusted text', () => {
  it('puts a placeholder for a missing action and parameters, and an empty message for an error without one', async () => {
    const { session } = platformAlwaysAnswering({
      events: [
        entry('a1', 900, 'A', { type: 'audit-log/pryv-api-error', content: { id: 'unknown-resource' } }),
        entry('a2', 800, 'A', { content: { action: '', query: null, message: 'no error id' } }),
      ],
    })
    const page = await readAuditPage(session.connection, query, null, { ...paging, batchSize: 100 })
    expect(page.entries).toStrictEqual([
      { id: 'a1', time: 900, action: '?', query: '{}', error: { id: 'unknown-resource', message: '' } },
      { id: 'a2', time: 800, action: '?', query: '{}' },
    ])
  })

  it('cuts an address, an error id and an error message to a sane length', async () => {
    const long = '<b>'.repeat(1000)
    const { session } = platformAlwaysAnswering({
      events: [
        entry('a1', 900, 'A', {
          type: 'audit-log/pryv-api-error',
          content: { action: 'events.get', source: { ip: long }, id: long, message: long },
        }),
      ],
    })
    const [shown] = (await readAuditPage(session.connection, query, null, { ...paging, batchSize: 100 })).entries
    expect([shown?.ip, shown?.error?.id, shown?.error?.message]).toEqual([
      long.slice(0, 300),
      long.slice(0, 300),
      long.slice(0, 300),
    ])
  })

  it('gives the page only the fields an entry has: no empty address or error, and nothing else of the platform', async () => {
    const { session } = platformAlwaysAnswering({
      events: [
        entry('a1', 900, 'A', {
          content: { action: 'events.get', query: {}, source: { ip: '' }, id: '', token: 'secret-token' },
        }),
      ],
    })
    const page = await readAuditPage(session.connection, query, null, { ...paging, batchSize: 100 })
    expect(page.entries).toStrictEqual([{ id: 'a1', time: 900, action: 'events.get', query: '{}' }])
  })
})

describe('readAuditPage at one instant', () => {
  it("remembers the entries read at the period's end when a page stops there", async () => {
    const { session } = platformAnswering([entry('a1', 1000, 'A'), entry('a2', 1000, 'A'), entry('a3', 900, 'A')])
    const page = await readAuditPage(session.connection, query, null, { ...paging, pageSize: 2, batchSize: 2 })
    expect(page).toEqual({
      entries: [expect.objectContaining({ id: 'a1' }), expect.objectContaining({ id: 'a2' })],
      next: { before: 1000, readAtBefore: ['a1', 'a2'] },
    })
  })

  it('never shows an entry twice, although the platform orders the entries of one instant differently each time', async () => {
    const sameInstant = ['x1', 'x2', 'x3', 'x4', 'x5'].map((id) => entry(id, 500, 'A'))
    const older = entry('a6', 400, 'A')
    let request = 0
    // Each request answers the instant's entries in the other order (no tie-break in the store's sort).
    const { session, calls } = fakeApiSession((call: ApiCall) => {
      const params = call.params as { toTime: number; limit: number }
      const atInstant = request++ % 2 === 0 ? sameInstant : [...sameInstant].reverse()
      const events = [...atInstant, older].filter((item) => item.time <= params.toTime).slice(0, params.limit)
      return { events }
    })
    const page = await readAuditPage(
      session.connection,
      query,
      { before: 500, readAtBefore: ['x1'] },
      { pageSize: 100, batchSize: 3, maxRequests: 10 },
    )
    const ids = page.entries.map((item) => item.id)
    expect(ids).toEqual(['x2', 'x3', 'x5', 'x4', 'a6'])
    expect(page.next).toBeNull()
    expect(calls.map((call) => call.params as { toTime: number; limit: number })).toMatchObject([
      { toTime: 500, limit: 3 },
      { toTime: 500, limit: 3 },
      { toTime: 500, limit: 3 },
      { toTime: 500, limit: 6 },
      { toTime: 400, limit: 3 },
    ])
  })

  it('loses no entry when more entries than a batch share one instant', async () => {
    const sameInstant = ['x1', 'x2', 'x3', 'x4', 'x5'].map((id) => entry(id, 500, 'A'))
    const { session } = platformAnswering([...sameInstant, entry('a6', 400, 'A')])
    const page = await readAuditPage(session.connection, query, null, { pageSize: 100, batchSize: 4, maxRequests: 10 })
    expect(page.entries.map((item) => item.id)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'a6'])
    expect(page.next).toBeNull()
  })
})

describe('summarizeAudit ordering', () => {
  it('lists kinds of call made as often by name, whatever order they came in', () => {
    const made = (actions: string[]) =>
      summarizeAudit(
        actions.map((action, index) => ({ id: String(index), time: index, action, query: '{}' })),
      ).byAction.map((item) => item.action)
    expect(made(['accesses.get', 'events.get', 'streams.get'])).toEqual(['accesses.get', 'events.get', 'streams.get'])
    expect(made(['streams.get', 'events.get', 'accesses.get'])).toEqual(['accesses.get', 'events.get', 'streams.get'])
  })
})
