import { describe, expect, it } from 'vitest'
import { reachedEnd, useAsyncAction } from '@/composables/useAsyncAction'
import { useAsyncSteps } from '@/composables/useAsyncSteps'
import { AppError } from '@/services/appError'

describe('useAsyncAction', () => {
  it('runs one action at a time: a second run while the first is pending is ignored', async () => {
    const { status, run } = useAsyncAction()
    let calls = 0
    let release: () => void = () => undefined
    const slow = () => new Promise<string>((resolve) => ((calls += 1), (release = () => resolve('done'))))
    const first = run(slow)
    expect(status.value).toBe('pending')
    expect(await run(slow)).toBeNull()
    release()
    expect(await first).toBe('done')
    expect(calls).toBe(1)
    expect(status.value).toBe('done')
  })

  it('says what its result means, and turns a failure into an AppError', async () => {
    const { status, error, run, clear } = useAsyncAction()
    await run(async () => false, reachedEnd)
    expect(status.value).toBe('idle')
    expect(await run(() => Promise.reject(new TypeError('Failed to fetch')))).toBeNull()
    expect(status.value).toBe('error')
    expect(error.value).toBeInstanceOf(AppError)
    expect(error.value?.code).toBe('network')
    clear()
    expect([status.value, error.value]).toEqual(['idle', null])
  })

  it('keeps an AppError the action throws as it is: a refusal keeps its code and details', async () => {
    const { status, error, run } = useAsyncAction()
    const refusal = new AppError('invalid-fields', ['hosting: unknown'])
    expect(await run(() => Promise.reject(refusal))).toBeNull()
    expect([status.value, error.value]).toEqual(['error', refusal])
  })

  it('runs again after a failure, the old error gone as soon as the new run starts', async () => {
    const { status, error, run } = useAsyncAction()
    await run(() => Promise.reject(new AppError('network')))
    let release: () => void = () => undefined
    const second = run(() => new Promise<number>((resolve) => (release = () => resolve(2))))
    expect([status.value, error.value]).toEqual(['pending', null])
    release()
    expect(await second).toBe(2)
    expect([status.value, error.value]).toEqual(['done', null])
  })
})

describe('useAsyncSteps', () => {
  it('names the step that runs, ignores any other meanwhile, and clears the marker however it ends', async () => {
    const { busyStep, status, error, run } = useAsyncSteps<'accept' | 'refuse'>()
    let release: () => void = () => undefined
    const first = run('accept', () => new Promise<void>((resolve) => (release = resolve)))
    expect(busyStep.value).toBe('accept')
    expect(await run('refuse', async () => 'refused')).toBeNull()
    expect(busyStep.value).toBe('accept')
    release()
    await first
    expect([busyStep.value, status.value]).toEqual([null, 'done'])
    await run('refuse', () => Promise.reject(new AppError('network')))
    expect([busyStep.value, status.value, error.value?.code]).toEqual([null, 'error', 'network'])
  })
})
