import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { readAccount } from '@/services/account/accountProfile'
import type { ExportProgress, MissingPart } from '@/services/account/export/exportPlan'
import { chooseSaveTarget, saveMode } from '@/services/account/export/exportWriter'
import { exportFileName, writeExportZip } from '@/services/account/export/exportZip'
import { toAppError, type AppError } from '@/services/appError'
import { useAccountSessionStore } from './accountSession'

/** Where the export stands; `paused` waits for "Try again" or "Stop" after a read failed every retry. */
export type ExportStatus = 'idle' | 'choosing' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed'

/** The "Your data" section's export: one ZIP of everything the account holds, written as it is read. */
export const useAccountExportStore = defineStore('accountExport', () => {
  const session = useAccountSessionStore()
  const status = ref<ExportStatus>('idle')
  const progress = ref<ExportProgress & { bytes: number }>({ events: 0, attachments: 0, bytes: 0 })
  /** The account's storage in bytes, to guess the time left; 0 when unknown. */
  const expectedBytes = ref(0)
  const startedAt = ref(0)
  const mode = ref(saveMode())
  const missing = shallowRef<MissingPart[]>([])
  const failure = shallowRef<AppError | null>(null)
  let controller: AbortController | null = null
  let resume: (() => void) | null = null

  /** Told when a read failed every retry: the export waits here until "Try again" or "Stop". */
  function pause(reason: AppError): Promise<void> {
    failure.value = reason
    status.value = 'paused'
    const signal = controller?.signal
    return new Promise((resolve, reject) => {
      resume = resolve
      signal?.addEventListener('abort', () => reject(signal.reason))
    })
  }

  function reset(): void {
    progress.value = { events: 0, attachments: 0, bytes: 0 }
    missing.value = []
    failure.value = null
    expectedBytes.value = 0
  }

  async function run(username: string): Promise<void> {
    const started = new Date()
    const target = await chooseSaveTarget(exportFileName(username, started))
    if (!target) return void (status.value = 'idle')
    const own = new AbortController()
    controller = own
    mode.value = target.mode
    startedAt.value = Date.now()
    status.value = 'running'
    const found: MissingPart[] = []
    await session.call(async (connection) => {
      const storage = (await readAccount(connection).catch(() => null))?.storage
      expectedBytes.value = storage ? storage.documents + storage.files : 0
      const job = { connection, username, signal: own.signal, pause, missing: found, startedAt: started }
      const onProgress = (counts: ExportProgress) => (progress.value = { ...progress.value, ...counts })
      await writeExportZip({ ...job, onProgress }, target, (bytes) => (progress.value = { ...progress.value, bytes }))
    })
    missing.value = found
    status.value = 'done'
  }

  /** Asks where to save, then writes the ZIP; the picker closed by the person is no error. */
  async function start(): Promise<void> {
    const username = session.own?.username
    if (!username || status.value === 'running' || status.value === 'paused' || status.value === 'choosing') return
    reset()
    status.value = 'choosing'
    try {
      await run(username)
    } catch (err) {
      if (controller?.signal.aborted) status.value = 'cancelled'
      else {
        failure.value = toAppError(err)
        status.value = 'failed'
      }
    } finally {
      controller = null
      resume = null
    }
  }

  /** After a pause: the read that failed, again, into the same file. */
  function tryAgain(): void {
    if (status.value !== 'paused' || !resume) return
    failure.value = null
    status.value = 'running'
    resume()
  }

  /** Cancel (or "Stop" after a pause): nothing is saved. */
  function cancel(): void {
    controller?.abort(new DOMException('The person cancelled the export.', 'AbortError'))
  }

  return { status, progress, expectedBytes, startedAt, mode, missing, failure, start, tryAgain, cancel }
})
