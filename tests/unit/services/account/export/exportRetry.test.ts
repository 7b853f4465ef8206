// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { withRetries } from '@/services/account/export/exportRetry'
import { AppError } from '@/services/appError'

afterEach(() => vi.useRealTimers())

function failing(times: number, error: unknown = new AppError('server')) {
  let calls = 0
  const work = vi.fn(async () => {
    calls += 1
    if (calls <= times) throw error
    return calls
  })
  return work
}

describe('withRetries', () => {
  it('answers at once when the work succeeds', async () => {
    const pause = vi.fn()
    await expect(withRetries(failing(0), { delays: [5], signal: new AbortController().signal, pause })).resolves.toBe(1)
    expect(pause).not.toHaveBeenCalled()
  })

  it('retries after each delay, then succeeds without pausing', async () => {
    vi.useFakeTimers()
    const work = failing(2)
    const pause = vi.fn()
    const result = withRetries(work, { delays: [100, 300], signal: new AbortController().signal, pause })
    await vi.advanceTimersByTimeAsync(99)
    expect(work).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(work).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(300)
    await expect(result).resolves.toBe(3)
    expect(pause).not.toHaveBeenCalled()
  })

  it('pauses once the retries are spent, then tries the same work again with fresh retries', async () => {
    const work = failing(4, new AppError('network'))
    const pause = vi.fn(async (failure: AppError) => void expect(failure.code).toBe('network'))
    const result = await withRetries(work, { delays: [0], signal: new AbortController().signal, pause })
    expect(result).toBe(5)
    expect(pause).toHaveBeenCalledTimes(2)
    expect(work).toHaveBeenCalledTimes(5)
  })

  it('ends when the pause is refused', async () => {
    const stop = new Error('stop')
    const pause = vi.fn(async () => Promise.reject(stop))
    await expect(withRetries(failing(9), { delays: [], signal: new AbortController().signal, pause })).rejects.toBe(
      stop,
    )
  })

  it('throws a refusal at once: asking again changes nothing', async () => {
    const work = failing(1, new AppError('forbidden'))
    const pause = vi.fn()
    const failure = await withRetries(work, { delays: [0], signal: new AbortController().signal, pause }).catch(
      (err: unknown) => err,
    )
    expect(failure).toMatchObject({ code: 'forbidden' })
    expect(work).toHaveBeenCalledTimes(1)
  })

  it('stops on cancel, before the work and during a wait', async () => {
    const before = new AbortController()
    before.abort(new Error('cancelled'))
    const work = failing(0)
    await expect(withRetries(work, { delays: [], signal: before.signal, pause: vi.fn() })).rejects.toThrow('cancelled')
    expect(work).not.toHaveBeenCalled()
    const during = new AbortController()
    const waiting = withRetries(failing(1), { delays: [10_000], signal: during.signal, pause: vi.fn() })
    during.abort(new Error('later'))
    await expect(waiting).rejects.toThrow('later')
  })

  it('stops when cancelled while the work was failing', async () => {
    const controller = new AbortController()
    const work = vi.fn(async () => {
      controller.abort(new Error('cancelled'))
      throw new AppError('server')
    })
    const pause = vi.fn()
    await expect(withRetries(work, { delays: [0], signal: controller.signal, pause })).rejects.toThrow('cancelled')
    expect(pause).not.toHaveBeenCalled()
  })
})

describe('withRetries, cancelled while waiting', () => {
  it('stops waiting at once when the export is cancelled during a retry delay', async () => {
    vi.useFakeTimers()
    const work = failing(5)
    const controller = new AbortController()
    const result = withRetries(work, { delays: [60_000], signal: controller.signal, pause: vi.fn() })
    const outcome = result.catch((err: unknown) => err)
    await vi.advanceTimersByTimeAsync(10)
    controller.abort(new Error('cancelled'))
    await vi.advanceTimersByTimeAsync(0)
    expect(await outcome).toEqual(new Error('cancelled'))
    expect(work).toHaveBeenCalledTimes(1)
    expect(vi.getTimerCount()).toBe(0)
  })
})
