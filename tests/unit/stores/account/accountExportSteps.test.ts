import { afterEach, describe, expect, it, vi } from 'vitest'
import { readAccount, type AccountProfile } from '@/services/account/accountProfile'
import type { ExportJob } from '@/services/account/export/exportPlan'
import { chooseSaveTarget, type SaveTarget } from '@/services/account/export/exportWriter'
import { exportFileName, writeExportZip } from '@/services/account/export/exportZip'
import { AppError } from '@/services/appError'
import { useAccountExportStore } from '@/stores/account/accountExport'
import { signedIn } from './signedIn'

vi.mock('@/services/account/accountProfile', () => ({ readAccount: vi.fn() }))
vi.mock('@/services/account/export/exportWriter', () => ({ saveMode: () => 'picker', chooseSaveTarget: vi.fn() }))
vi.mock('@/services/account/export/exportZip', () => ({
  exportFileName: vi.fn(() => 'x.zip'),
  writeExportZip: vi.fn(),
}))

const target: SaveTarget = { mode: 'worker', write: vi.fn() }

function exportDoing(work: (job: ExportJob, onBytes: (total: number) => void) => Promise<void>) {
  vi.mocked(writeExportZip).mockImplementation((job, _target, onBytes) => work(job, onBytes))
}

function setUp(account = { storage: { documents: 100, files: 900 } } as AccountProfile) {
  signedIn()
  vi.mocked(chooseSaveTarget).mockResolvedValue(target)
  vi.mocked(readAccount).mockResolvedValue(account)
  return useAccountExportStore()
}

afterEach(() => vi.clearAllMocks())

describe('accountExport store, step by step', () => {
  it('starts with nothing counted and nothing missing', () => {
    const store = setUp()
    expect(store.status).toBe('idle')
    expect(store.progress).toEqual({ events: 0, attachments: 0, bytes: 0 })
    expect(store.missing).toEqual([])
    expect(store.failure).toBeNull()
  })

  it('is "choosing" while the picker is open, ignores a second start then, and names the file for the day', async () => {
    const store = setUp()
    let pick: (value: SaveTarget | null) => void = () => undefined
    vi.mocked(chooseSaveTarget).mockReturnValue(new Promise((resolve) => (pick = resolve)))
    exportDoing(async () => undefined)
    const before = Date.now()
    const first = store.start()
    await Promise.resolve()
    expect(store.status).toBe('choosing')
    await store.start()
    pick(target)
    await first
    expect(chooseSaveTarget).toHaveBeenCalledTimes(1)
    expect(exportFileName).toHaveBeenCalledWith('alice', expect.any(Date))
    const job = vi.mocked(writeExportZip).mock.calls[0]?.[0]
    expect(job?.startedAt).toBe(vi.mocked(exportFileName).mock.calls[0]?.[1])
    expect(job?.signal.aborted).toBe(false)
    expect(store.startedAt).toBeGreaterThanOrEqual(before)
    expect(store.mode).toBe('worker')
    expect(store.status).toBe('done')
  })

  it('keeps the events counted when bytes come, and the bytes when events come', async () => {
    const store = setUp()
    exportDoing(async (job, onBytes) => {
      onBytes(700)
      job.onProgress({ events: 4, attachments: 2 })
      expect(store.progress).toEqual({ events: 4, attachments: 2, bytes: 700 })
    })
    await store.start()
    expect(store.progress).toEqual({ events: 4, attachments: 2, bytes: 700 })
  })

  it('guesses no size for an account that says no storage', async () => {
    const store = setUp({} as AccountProfile)
    exportDoing(async () => undefined)
    await store.start()
    expect(store.status).toBe('done')
    expect(store.expectedBytes).toBe(0)
  })

  it('forgets the last export’s missing parts and size when a new one starts', async () => {
    const store = setUp()
    exportDoing(async (job) => void job.missing.push({ part: 'a', reason: 'gone' }))
    await store.start()
    expect(store.missing).toHaveLength(1)
    expect(store.expectedBytes).toBe(1000)
    vi.mocked(chooseSaveTarget).mockResolvedValue(null)
    await store.start()
    expect(store.missing).toEqual([])
    expect(store.expectedBytes).toBe(0)
  })

  it('ignores a start while paused, and "Stop" rejects the pause as a cancel', async () => {
    const store = setUp()
    let stopped: unknown
    exportDoing(async (job) => {
      const waiting = job.pause(new AppError('server'))
      await store.start()
      expect(chooseSaveTarget).toHaveBeenCalledTimes(1)
      expect(store.status).toBe('paused')
      store.cancel()
      stopped = await waiting.catch((err: unknown) => err)
      throw stopped
    })
    await store.start()
    expect(stopped).toMatchObject({ name: 'AbortError' })
    expect(store.status).toBe('cancelled')
  })

  it('after a cancelled export, a later failure is a failure, not a cancel', async () => {
    const store = setUp()
    exportDoing(async (job) => {
      store.cancel()
      job.signal.throwIfAborted()
    })
    await store.start()
    expect(store.status).toBe('cancelled')
    store.cancel()
    vi.mocked(chooseSaveTarget).mockRejectedValue(new Error('picker broke'))
    await store.start()
    expect(store.status).toBe('failed')
    expect(store.failure?.code).toBe('unknown')
  })

  it('"Try again" after the export ended changes nothing', async () => {
    const store = setUp()
    exportDoing(async (job) => {
      const waiting = job.pause(new AppError('server'))
      store.tryAgain()
      await waiting
    })
    await store.start()
    expect(store.status).toBe('done')
    store.tryAgain()
    expect(store.status).toBe('done')
  })
})
