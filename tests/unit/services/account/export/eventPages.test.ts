// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  eventsQuery,
  isAccountField,
  isAuditEntry,
  pageSize,
  readEventPage,
} from '@/services/account/export/eventPages'
import { connection, event, json, stubPlatform, token } from './exportFixtures'

afterEach(() => vi.unstubAllGlobals())

describe('readEventPage', () => {
  it('reads the events of one page and its deletions apart, with the token in the header', async () => {
    const calls = stubPlatform(() =>
      json(200, {
        events: [event(1), event(2)],
        eventDeletions: [{ id: 'gone', deleted: 5 }],
        meta: { serverTime: 1 },
      }),
    )
    const page = await readEventPage(connection, { includeDeletions: true, ...eventsQuery(0) })
    expect(page.events.map((item) => item.id)).toEqual(['e1', 'e2'])
    expect(page.deletions).toEqual([{ id: 'gone', deleted: 5 }])
    const [call] = calls
    expect(call?.url.pathname).toBe('/alice/events')
    expect(call?.url.searchParams.get('skip')).toBe('0')
    expect(call?.url.searchParams.get('state')).toBe('all')
    expect(call?.url.href).not.toContain(token)
    expect((call?.init.headers as Record<string, string>).Authorization).toBe(token)
  })

  it('keeps an event that has a deleted field among the events', async () => {
    stubPlatform(() => json(200, { events: [event(1, { deleted: 3 })], meta: { serverTime: 1 } }))
    expect((await readEventPage(connection, eventsQuery(0))).events).toHaveLength(1)
  })

  it('keeps an item with neither streams nor a deletion date among the events', async () => {
    stubPlatform(() => json(200, { events: [{ id: 'odd' }], meta: { serverTime: 1 } }))
    const page = await readEventPage(connection, eventsQuery(0))
    expect(page.events).toEqual([{ id: 'odd' }])
    expect(page.deletions).toEqual([])
  })

  it('says an ended session apart from other failures, never with the library message', async () => {
    stubPlatform(() => json(403, { error: { id: 'invalid-access-token', message: 'expired' } }))
    await expect(readEventPage(connection, eventsQuery(0))).rejects.toMatchObject({ code: 'session-expired' })
    stubPlatform(() => json(500, { error: { id: 'unexpected-error', message: 'boom' } }))
    const failure = await readEventPage(connection, eventsQuery(0)).catch((err: unknown) => err)
    expect(failure).toMatchObject({ code: 'server', details: [] })
  })

  it('calls a JSON answer without events a server failure', async () => {
    stubPlatform(() => json(200, { error: { id: 'x' }, events: [] }))
    await expect(readEventPage(connection, eventsQuery(0))).rejects.toMatchObject({ code: 'server' })
  })

  it('calls the network failing a server failure', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('offline')))
    await expect(readEventPage(connection, eventsQuery(0))).rejects.toMatchObject({ code: 'server' })
  })
})

describe('eventsQuery', () => {
  it('asks every state, oldest first, a page at a time', () => {
    expect(eventsQuery(2000, { streams: ['x'] })).toEqual({
      state: 'all',
      sortAscending: true,
      limit: pageSize,
      skip: 2000,
      streams: ['x'],
    })
    expect(pageSize).toBe(1000)
  })
})

describe('isAccountField and isAuditEntry', () => {
  it('tells the account fields events', () => {
    expect(isAccountField({ streamIds: [':_system:language'] })).toBe(true)
    expect(isAccountField({ streamIds: [':system:email', ':_system:x'] })).toBe(true)
    expect(isAccountField({ streamIds: [':_system:language', 'diary'] })).toBe(false)
    expect(isAccountField({ streamIds: [] })).toBe(false)
    expect(isAccountField({ streamIds: [3] })).toBe(false)
    expect(isAccountField({})).toBe(false)
  })

  it('keeps audit entries of an access only', () => {
    expect(isAuditEntry({ streamIds: [':_audit:action-x', ':_audit:access-a'] })).toBe(true)
    expect(isAuditEntry({ streamIds: [':_audit:action-x'] })).toBe(false)
    expect(isAuditEntry({ streamIds: [7] })).toBe(false)
    expect(isAuditEntry({})).toBe(false)
  })
})
