// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ExportJob } from '@/services/account/export/exportPlan'
import type { SaveTarget } from '@/services/account/export/exportWriter'
import { exportFileName, writeExportZip } from '@/services/account/export/exportZip'
import { batchMethods, connection, json, stubPlatform } from './exportFixtures'

afterEach(() => vi.unstubAllGlobals())

describe('exportFileName', () => {
  it('names the file after the account and the day, in UTC', () => {
    expect(exportFileName('alice', new Date('2026-03-04T23:30:00Z'))).toBe('pryv-export-alice-2026-03-04.zip')
  })
})

describe('writeExportZip', () => {
  it('writes a ZIP of the export’s files to the target, counting its bytes, with the job’s signal', async () => {
    stubPlatform((url, init) => {
      if (init.method === 'POST') return json(200, { results: batchMethods(init).map(() => ({})), meta: {} })
      return json(200, { events: [], meta: {} })
    })
    const written: { bytes: Uint8Array; signal: AbortSignal | undefined }[] = []
    const target: SaveTarget = {
      mode: 'memory',
      write: async (zip, signal) => void written.push({ bytes: await new Response(zip).bytes(), signal }),
    }
    const signal = new AbortController().signal
    const job: ExportJob = {
      connection,
      username: 'alice',
      signal,
      pause: () => Promise.reject(new Error('no pause expected')),
      onProgress: () => undefined,
      missing: [],
      startedAt: new Date('2026-01-02T03:04:05Z'),
      retryDelays: [],
    }
    const onBytes = vi.fn()
    await writeExportZip(job, target, onBytes)
    const [{ bytes, signal: given } = { bytes: new Uint8Array(), signal: undefined }] = written
    expect(given).toBe(signal)
    expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    expect(new TextDecoder().decode(bytes)).toContain('README.txt')
    expect(onBytes).toHaveBeenLastCalledWith(bytes.length)
  })
})
