import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { followCmcTrigger, writeCmcTrigger } from '@/services/cmc/cmcTrigger'
import { fakeApiSession, type ApiCall } from '../fakeApi'
import { appErrorOf } from '../jsonFetch'

function event(status: string | undefined, extra: Record<string, unknown> = {}) {
  return { event: { id: 'trigger-1', content: { capabilityUrl: 'hidden', ...(status ? { status } : {}), ...extra } } }
}

/** A session whose trigger reads answer each of `answers` in turn (the last one repeats). */
function sessionAnswering(answers: Array<(call: ApiCall) => unknown>) {
  let reads = 0
  return fakeApiSession((call) => {
    const answer = answers[Math.min(reads, answers.length - 1)]
    reads += 1
    return answer?.(call)
  })
}

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('writeCmcTrigger', () => {
  it('creates the event in the given stream with the personal session, and a 201 without status is pending', async () => {
    const { session, calls } = fakeApiSession(() => event(undefined))
    const content = { capabilityUrl: 'https://cap@requester.example/study/' }
    const trigger = await writeCmcTrigger(session.connection, ':_cmc:apps:study', 'consent/accept-cmc', content)
    expect(calls).toEqual([
      { method: 'events.create', params: { streamIds: [':_cmc:apps:study'], type: 'consent/accept-cmc', content } },
    ])
    expect(trigger).toEqual({ id: 'trigger-1', status: 'pending', content: { capabilityUrl: 'hidden' } })
  })

  it("keeps the platform's error: a missing stream is refused", async () => {
    const { session } = fakeApiSession(() => ({ error: { id: 'unknown-referenced-resource', message: 'Unknown' } }))
    const error = await appErrorOf(writeCmcTrigger(session.connection, 's', 't', {}))
    expect([error.code, error.details]).toEqual(['invalid-request', ['Unknown']])
  })

  it('refuses an answer without an event', async () => {
    const { session } = fakeApiSession(() => ({ event: { id: 'trigger-1' } }))
    expect((await appErrorOf(writeCmcTrigger(session.connection, 's', 't', {}))).code).toBe('unexpected-answer')
  })
})

describe('followCmcTrigger', () => {
  beforeEach(() => vi.useFakeTimers())

  it('reads the trigger every interval until it is completed', async () => {
    const { session, calls } = sessionAnswering([
      () => event('delivered'),
      () => event('delivered'),
      () => event('completed', { acceptedBy: { apiEndpoint: 'x' } }),
    ])
    const following = followCmcTrigger(session.connection, 'trigger-1', { intervalMs: 100 })
    await vi.advanceTimersByTimeAsync(300)
    const trigger = await following
    expect(trigger.status).toBe('completed')
    expect(trigger.content.acceptedBy).toEqual({ apiEndpoint: 'x' })
    expect(calls).toEqual(Array(3).fill({ method: 'events.getOne', params: { id: 'trigger-1' } }))
  })

  it('resolves with a failed trigger too (the caller explains its reason)', async () => {
    const { session } = sessionAnswering([() => event('failed', { failure: { reason: 'cmc-capability-empty' } })])
    const following = followCmcTrigger(session.connection, 'trigger-1')
    await vi.advanceTimersByTimeAsync(250)
    expect((await following).status).toBe('failed')
  })

  it('retries a read the server failed, and stops at a refused session', async () => {
    const { session } = sessionAnswering([
      () => ({ error: { id: 'unexpected-error', message: 'boom' } }),
      () => event('completed'),
    ])
    const following = followCmcTrigger(session.connection, 'trigger-1', { intervalMs: 10 })
    await vi.advanceTimersByTimeAsync(20)
    expect((await following).status).toBe('completed')

    const refused = sessionAnswering([() => ({ error: { id: 'invalid-access-token', message: 'gone' } })])
    const stopped = appErrorOf(followCmcTrigger(refused.session.connection, 'trigger-1', { intervalMs: 10 }))
    await vi.advanceTimersByTimeAsync(10)
    expect((await stopped).code).toBe('session-expired')
  })

  it('gives up with cmc-trigger-timeout after timeoutMs, and reads no more after that', async () => {
    const { session, calls } = sessionAnswering([() => event('delivered')])
    const following = appErrorOf(followCmcTrigger(session.connection, 'trigger-1', { intervalMs: 100, timeoutMs: 450 }))
    await vi.advanceTimersByTimeAsync(450)
    expect((await following).code).toBe('cmc-trigger-timeout')
    const readsAtTimeout = calls.length
    await vi.advanceTimersByTimeAsync(1000)
    expect(readsAtTimeout).toBe(4)
    expect(calls).toHaveLength(readsAtTimeout)
  })

  it('times out even while a read hangs', async () => {
    const { session } = fakeApiSession(() => event('delivered'))
    vi.stubGlobal('fetch', () => new Promise(() => undefined))
    const following = appErrorOf(followCmcTrigger(session.connection, 'trigger-1', { timeoutMs: 1000 }))
    await vi.advanceTimersByTimeAsync(1000)
    expect((await following).code).toBe('cmc-trigger-timeout')
  })
})
