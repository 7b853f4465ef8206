// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { exportEntries, type ExportJob, type ZipEntry } from '@/services/account/export/exportPlan'
import { AppError } from '@/services/appError'
import { batchMethods, connection, event, json, stubPlatform, token, type Answer } from './exportFixtures'

afterEach(() => vi.unstubAllGlobals())

const meta = { serverTime: 1 }
const results: Record<string, unknown> = {
  'account.get': { account: { username: 'alice', emails: [{ value: 'a@b.c', verificationTokenHash: 'h' }] } },
  'profile.get': { profile: { nickname: 'A', mfa: { content: { phone: '1' }, recoveryCodes: ['r'] } } },
  'streams.get': { streams: [{ id: 'diary', trashed: true }, { id: ':_audit:' }, 'odd'] },
  'accesses.get': { accesses: [{ id: 'a1', token: 'app-token', name: `echo ${token}` }], accessDeletions: [] },
  'webhooks.get': { webhooks: [] },
}

function platform(overrides: { events?: (skip: number) => Answer; file?: () => Answer; batch?: Answer } = {}) {
  return stubPlatform((url, init) => {
    if (init.method === 'POST')
      return overrides.batch ?? json(200, { results: batchMethods(init).map((method) => results[method]), meta })
    if (url.pathname === '/alice/events') {
      const skip = Number(url.searchParams.get('skip'))
      if (url.searchParams.get('includeDeletions'))
        return json(200, { events: [], eventDeletions: [{ id: 'd1', deleted: 2 }], meta })
      if (url.searchParams.get('streams')?.includes(':_audit:'))
        return json(200, {
          events: [event(9, { streamIds: [':_audit:access-a1'] }), event(10, { streamIds: ['other'] })],
          meta,
        })
      if (overrides.events) return overrides.events(skip)
      return json(200, {
        events: [event(1, { attachments: [{ id: 'f1', fileName: 'a.txt', readToken: 'rt' }] })],
        meta,
      })
    }
    return overrides.file?.() ?? { status: 200, body: 'file bytes' }
  })
}

function jobOf(extra: Partial<ExportJob> = {}): ExportJob {
  return {
    connection,
    username: 'alice',
    signal: new AbortController().signal,
    pause: () => Promise.reject(new Error('no pause expected')),
    onProgress: vi.fn(),
    missing: [],
    startedAt: new Date('2026-01-02T03:04:05Z'),
    retryDelays: [],
    ...extra,
  }
}

async function filesOf(job: ExportJob): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for await (const entry of exportEntries(job)) files[entry.name] = await textOf(entry)
  return files
}

async function textOf(entry: ZipEntry): Promise<string> {
  expect(entry.lastModified).toEqual(new Date('2026-01-02T03:04:05Z'))
  return typeof entry.input === 'string' ? entry.input : new Response(entry.input).text()
}

describe('exportEntries', () => {
  it('writes every part, in order, without any secret', async () => {
    platform()
    const job = jobOf()
    const files = await filesOf(job)
    expect(Object.keys(files)).toEqual([
      'README.txt',
      'account.json',
      'profile.json',
      'streams.json',
      'accesses.json',
      'webhooks.json',
      'events/0001.json',
      'attachments/e1/f1-a.txt',
      'event-deletions.json',
      'audit/0001.json',
    ])
    expect(files['README.txt']).toContain('Platform: api.example.com')
    expect(JSON.parse(files['account.json'] ?? '')).toEqual({ username: 'alice', emails: [{ value: 'a@b.c' }] })
    expect(JSON.parse(files['profile.json'] ?? '')).toEqual({
      private: { nickname: 'A', mfa: {} },
      public: { nickname: 'A', mfa: {} },
    })
    expect(JSON.parse(files['streams.json'] ?? '')).toEqual([{ id: 'diary', trashed: true }, 'odd'])
    expect(JSON.parse(files['accesses.json'] ?? '')).toEqual({
      accesses: [{ id: 'a1', name: 'echo [removed]' }],
      accessDeletions: [],
    })
    expect(JSON.parse(files['events/0001.json'] ?? '')).toEqual([
      event(1, { attachments: [{ id: 'f1', fileName: 'a.txt' }] }),
    ])
    expect(files['attachments/e1/f1-a.txt']).toBe('file bytes')
    expect(JSON.parse(files['event-deletions.json'] ?? '')).toEqual([{ id: 'd1', deleted: 2 }])
    expect(JSON.parse(files['audit/0001.json'] ?? '').map((item: { id: string }) => item.id)).toEqual(['e9'])
    expect(job.onProgress).toHaveBeenLastCalledWith({ events: 1, attachments: 1 })
    expect(job.missing).toEqual([])
  })

  it('reads page after page while pages are full, leaving the account fields out', async () => {
    const calls = platform({
      events: (skip) =>
        json(200, {
          events: Array.from({ length: skip === 0 ? 1000 : 2 }, (_, index) =>
            event(skip + index, index === 0 ? { streamIds: [':_system:language'] } : {}),
          ),
          meta,
        }),
    })
    const job = jobOf()
    const files = await filesOf(job)
    expect(JSON.parse(files['events/0001.json'] ?? '')).toHaveLength(999)
    expect(JSON.parse(files['events/0002.json'] ?? '')).toHaveLength(1)
    expect(files['events/0003.json']).toBeUndefined()
    expect(job.onProgress).toHaveBeenCalledWith({ events: 999, attachments: 0 })
    expect(job.onProgress).toHaveBeenLastCalledWith({ events: 1000, attachments: 0 })
    const skips = calls
      .filter((call) => call.url.pathname === '/alice/events' && !call.url.searchParams.has('includeDeletions'))
      .filter((call) => !call.url.searchParams.has('streams'))
      .map((call) => call.url.searchParams.get('skip'))
    expect(skips).toEqual(['0', '1000'])
  })

  it('says in MISSING.txt what could not be read, and goes on', async () => {
    platform({
      file: () => ({ status: 404, body: '{}' }),
      batch: json(200, { results: [{ error: { id: 'forbidden', message: 'no' } }], meta }),
    })
    const job = jobOf()
    const files = await filesOf(job)
    expect(job.missing.map((item) => item.part)).toEqual([
      'account.json',
      'profile.json',
      'streams.json',
      'accesses.json',
      'webhooks.json',
      'attachments/e1/f1-a.txt',
    ])
    expect(files['MISSING.txt']).toContain('attachments/e1/f1-a.txt: no longer on the platform')
    expect(files['MISSING.txt']).toContain('account.json: forbidden')
    expect(Object.keys(files)).toContain('events/0001.json')
  })

  it('ends the events where a page cannot be read, and says so', async () => {
    platform({ events: () => json(400, { error: { id: 'invalid-parameters-format', message: 'x' } }) })
    const job = jobOf({ pause: () => Promise.reject(new AppError('server')) })
    const files = await filesOf(job)
    expect(job.missing).toEqual([{ part: 'events from number 1', reason: 'server' }])
    expect(files['events/0001.json']).toBeUndefined()
  })

  it('pauses on a page failing every retry, then reads that same page again', async () => {
    let fails = 1
    const calls = platform({
      events: () => (fails-- > 0 ? json(500, { error: { id: 'unexpected-error' } }) : json(200, { events: [], meta })),
    })
    const pause = vi.fn(async (failure: AppError) => void expect(failure.code).toBe('server'))
    const files = await filesOf(jobOf({ pause }))
    expect(pause).toHaveBeenCalledTimes(1)
    expect(files['events/0001.json']).toBe('[]\n')
    const pages = calls.filter((call) => call.url.searchParams.get('skip') === '0' && !call.url.searchParams.size)
    expect(pages).toHaveLength(0)
  })

  it('stops at an ended session, and at cancel', async () => {
    platform({ batch: json(403, { error: { id: 'invalid-access-token', message: 'expired' } }) })
    await expect(filesOf(jobOf())).rejects.toMatchObject({ code: 'session-expired' })
    platform()
    const controller = new AbortController()
    controller.abort(new Error('cancelled'))
    await expect(filesOf(jobOf({ signal: controller.signal }))).rejects.toThrow('cancelled')
  })

  it('throws a session ended while a page is read', async () => {
    platform({ events: () => json(403, { error: { id: 'invalid-access-token', message: 'expired' } }) })
    await expect(filesOf(jobOf())).rejects.toBeInstanceOf(AppError)
  })
})

describe('exportEntries, in detail', () => {
  it('says in README.txt whose export it is and when it started', async () => {
    platform()
    const files = await filesOf(jobOf())
    expect(files['README.txt']).toContain('Pryv.io data export of "alice"')
    expect(files['README.txt']).toContain('Started: 2026-01-02T03:04:05.000Z')
  })

  it('asks for the deletions since the beginning, and the audit oldest first, page by page', async () => {
    const calls = platform()
    await filesOf(jobOf())
    const deletions = calls.find((call) => call.url.searchParams.has('includeDeletions'))?.url.searchParams
    expect(deletions?.get('includeDeletions')).toBe('true')
    expect(deletions?.get('modifiedSince')).toBe('0')
    expect(deletions?.get('state')).toBe('all')
    const audit = calls.find((call) => call.url.searchParams.get('streams')?.includes(':_audit:'))?.url.searchParams
    expect(audit?.get('sortAscending')).toBe('true')
    expect(audit?.get('limit')).toBe('1000')
    expect(audit?.get('skip')).toBe('0')
  })

  it('reads the audit while its pages are full, and writes no empty page after the first', async () => {
    const calls = stubPlatform((url, init) => {
      if (init.method === 'POST') return json(200, { results: batchMethods(init).map((m) => results[m]), meta })
      if (url.searchParams.get('streams')?.includes(':_audit:')) {
        const skip = Number(url.searchParams.get('skip'))
        const count = skip === 0 ? 1000 : 0
        const events = Array.from({ length: count }, (_, n) => event(n, { streamIds: [':_audit:access-a1'] }))
        return json(200, { events, meta })
      }
      return json(200, { events: [], eventDeletions: [], meta })
    })
    const files = await filesOf(jobOf())
    expect(JSON.parse(files['audit/0001.json'] ?? '')).toHaveLength(1000)
    expect(files['audit/0002.json']).toBeUndefined()
    const skips = calls
      .filter((call) => call.url.searchParams.get('streams')?.includes(':_audit:'))
      .map((call) => call.url.searchParams.get('skip'))
    expect(skips).toEqual(['0', '1000'])
  })

  it('writes an empty first audit page when the trail is empty', async () => {
    stubPlatform((_url, init) => {
      if (init.method === 'POST') return json(200, { results: batchMethods(init).map((m) => results[m]), meta })
      return json(200, { events: [], eventDeletions: [], meta })
    })
    const files = await filesOf(jobOf())
    expect(files['audit/0001.json']).toBe('[]\n')
    expect(files['events/0001.json']).toBe('[]\n')
  })

  it('counts the attachments as they are written', async () => {
    platform({
      events: () =>
        json(200, {
          events: [
            event(1, {
              attachments: [
                { id: 'f1', fileName: 'a.txt' },
                { id: 'f2', fileName: 'b.txt' },
              ],
            }),
          ],
          meta,
        }),
    })
    const job = jobOf()
    await filesOf(job)
    expect(job.onProgress).toHaveBeenCalledWith({ events: 1, attachments: 1 })
    expect(job.onProgress).toHaveBeenLastCalledWith({ events: 1, attachments: 2 })
  })

  it('starts MISSING.txt by saying the export is not complete', async () => {
    platform({ file: () => ({ status: 404, body: '{}' }) })
    const files = await filesOf(jobOf())
    expect(files['MISSING.txt']).toBe(
      'This export is not complete. These could not be read:\n\nattachments/e1/f1-a.txt: no longer on the platform\n',
    )
  })

  it('leaves no token in any file, even where the platform echoes it', async () => {
    platform({ events: () => json(200, { events: [event(1, { content: `token ${token}` })], meta }) })
    const files = await filesOf(jobOf())
    expect(files['events/0001.json']).not.toContain(token)
    expect(JSON.parse(files['events/0001.json'] ?? '')[0].content).toBe('token [removed]')
  })

  it('retries a failed read after 1 s and then 3 s before it pauses', async () => {
    vi.useFakeTimers()
    try {
      let fails = 3
      const calls = platform({
        events: () =>
          fails-- > 0 ? json(500, { error: { id: 'unexpected-error' } }) : json(200, { events: [], meta }),
      })
      const pause = vi.fn(async () => undefined)
      const job = jobOf({ pause })
      delete job.retryDelays
      const done = filesOf(job)
      const pageReads = () => calls.filter((call) => call.url.searchParams.get('state') === 'all').length
      await vi.advanceTimersByTimeAsync(0)
      expect(pageReads()).toBe(1)
      await vi.advanceTimersByTimeAsync(999)
      expect(pageReads()).toBe(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(pageReads()).toBe(2)
      await vi.advanceTimersByTimeAsync(2999)
      expect(pageReads()).toBe(2)
      expect(pause).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1)
      expect(pause).toHaveBeenCalledTimes(1)
      await vi.runAllTimersAsync()
      expect((await done)['events/0001.json']).toBe('[]\n')
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('exportEntries, when parts cannot be read', () => {
  it('writes no file for a part it could not read, and names the page that failed', async () => {
    stubPlatform((url, init) => {
      if (init.method === 'POST') return json(200, { results: [{ error: { id: 'forbidden', message: 'no' } }], meta })
      if (url.searchParams.has('includeDeletions')) return json(403, { error: { id: 'forbidden', message: 'no' } })
      if (url.searchParams.get('streams')?.includes(':_audit:')) {
        if (url.searchParams.get('skip') === '0')
          return json(200, { events: Array.from({ length: 1000 }, (_, n) => event(n)), meta })
        return json(400, { error: { id: 'forbidden', message: 'no' } })
      }
      if (url.pathname === '/alice/events') {
        if (url.searchParams.get('skip') === '0')
          return json(200, { events: Array.from({ length: 1000 }, (_, n) => event(n)), meta })
        return json(400, { error: { id: 'forbidden', message: 'no' } })
      }
      return { status: 404, body: '{}' }
    })
    const job = jobOf({ pause: () => Promise.reject(new AppError('server')) })
    const files = await filesOf(job)
    expect(Object.keys(files)).toEqual(['README.txt', 'events/0001.json', 'audit/0001.json', 'MISSING.txt'])
    expect(job.missing.map((item) => item.part).slice(5)).toEqual([
      'events from number 1001',
      'event-deletions.json',
      'audit from number 1001',
    ])
  })

  it('writes no file for an attachment no longer on the platform', async () => {
    platform({ file: () => ({ status: 404, body: '{}' }) })
    const files = await filesOf(jobOf())
    expect(Object.keys(files)).not.toContain('attachments/e1/f1-a.txt')
  })
})
