import { afterEach, describe, expect, it, vi } from 'vitest'
import { readAccount, type AccountProfile } from '@/services/account/accountProfile'
import type { ExportJob } from '@/services/account/export/exportPlan'
import { chooseSaveTarget, type SaveTarget } from '@/services/account/export/exportWriter'
import { writeExportZip } from '@/services/account/export/exportZip'
import { AppError } from '@/services/appError'
import { useAccountExportStore } from '@/stores/account/accountExport'
import { useAccountSessionStore } from '@/stores/account/accountSession'
import { signedIn } from './signedIn'

vi.mock('@/services/account/accountProfile', () => ({ readAccount: vi.fn() }))
vi.mock('@/services/account/export/exportWriter', () => ({ saveMode: () => 'picker', chooseSaveTarget: vi.fn() }))
vi.mock('@/services/account/export/exportZip', () => ({ exportFileName: () => 'x.zip', writeExportZip: vi.fn() }))

const target: SaveTarget = { mode: 'picker', write: vi.fn() }
const account = { storage: { documents: 100, files: 900 } } as AccountProfile

/** The export's work, run by the test: it gets the job and decides what happens. */
function exportDoing(work: (job: ExportJob, onBytes: (total: number) => void) => Promise<void>) {
  vi.mocked(writeExportZip).mockImplementation((job, _target, onBytes) => work(job, onBytes))
}

function setUp() {
  const { connection } = signedIn()
  vi.mocked(chooseSaveTarget).mockResolvedValue(target)
  vi.mocked(readAccount).mockResolvedValue(account)
  return { connection, store: useAccountExportStore() }
}

afterEach(() => vi.clearAllMocks())

describe('accountExport store', () => {
  it('asks where to save, writes the ZIP with the session, and counts as it goes', async () => {
    const { store, connection } = setUp()
    exportDoing(async (job, onBytes) => {
      expect(store.status).toBe('running')
      expect(job.connection).toBe(connection)
      expect(job.username).toBe('alice')
      job.onProgress({ events: 10, attachments: 1 })
      onBytes(500)
      job.missing.push({ part: 'a', reason: 'gone' })
    })
    expect(store.status).toBe('idle')
    await store.start()
    expect(chooseSaveTarget).toHaveBeenCalledWith('x.zip')
    expect(store.status).toBe('done')
    expect(store.progress).toEqual({ events: 10, attachments: 1, bytes: 500 })
    expect(store.expectedBytes).toBe(1000)
    expect(store.missing).toEqual([{ part: 'a', reason: 'gone' }])
    expect(store.mode).toBe('picker')
  })

  it('goes back to idle when the person closes the picker', async () => {
    const { store } = setUp()
    vi.mocked(chooseSaveTarget).mockResolvedValue(null)
    await store.start()
    expect(store.status).toBe('idle')
    expect(writeExportZip).not.toHaveBeenCalled()
  })

  it('guesses no size when the account cannot be read', async () => {
    const { store } = setUp()
    vi.mocked(readAccount).mockRejectedValue(new AppError('server'))
    exportDoing(async () => undefined)
    await store.start()
    expect(store.expectedBytes).toBe(0)
    expect(store.status).toBe('done')
  })

  it('pauses on a failed read; "Try again" goes on', async () => {
    const { store } = setUp()
    exportDoing(async (job) => {
      const waiting = job.pause(new AppError('server'))
      expect(store.status).toBe('paused')
      expect(store.failure?.code).toBe('server')
      store.tryAgain()
      await waiting
      expect(store.status).toBe('running')
      expect(store.failure).toBeNull()
    })
    await store.start()
    expect(store.status).toBe('done')
  })

  it('"Stop" during a pause, and Cancel, end with no file', async () => {
    const { store } = setUp()
    exportDoing(async (job) => {
      const waiting = job.pause(new AppError('network'))
      store.cancel()
      await waiting
    })
    await store.start()
    expect(store.status).toBe('cancelled')
    exportDoing(async (job) => {
      store.cancel()
      job.signal.throwIfAborted()
    })
    await store.start()
    expect(store.status).toBe('cancelled')
  })

  it('says a failure in words, and starts afresh next time', async () => {
    const { store } = setUp()
    exportDoing(async (job) => {
      job.onProgress({ events: 3, attachments: 0 })
      throw new AppError('forbidden')
    })
    await store.start()
    expect(store.status).toBe('failed')
    expect(store.failure?.code).toBe('forbidden')
    exportDoing(async () => undefined)
    await store.start()
    expect(store.failure).toBeNull()
    expect(store.progress).toEqual({ events: 0, attachments: 0, bytes: 0 })
  })

  it('ignores a second start while one runs, "Try again" when not paused, and a start signed out', async () => {
    const { store } = setUp()
    let second: Promise<void> | undefined
    exportDoing(async () => {
      second = store.start()
      store.tryAgain()
      expect(store.status).toBe('running')
    })
    await store.start()
    await second
    expect(writeExportZip).toHaveBeenCalledTimes(1)
    store.$patch({ status: 'idle' })
    useAccountSessionStore().own = null
    await store.start()
    expect(chooseSaveTarget).toHaveBeenCalledTimes(1)
  })
})
