import { canDownloadThroughWorker, downloadThroughWorker } from './workerDownload'

/**
 * How the ZIP is saved: written as it is made into the file the person picked (File System Access API), downloaded
 * as it is made through a service worker, or, last resort, kept whole in memory then downloaded.
 */
export type SaveMode = 'picker' | 'worker' | 'memory'

/** Where the ZIP goes, and how. */
export interface SaveTarget {
  mode: SaveMode
  write: (zip: ReadableStream<Uint8Array>, signal: AbortSignal) => Promise<void>
}

interface WritableFile {
  createWritable: () => Promise<WritableStream<Uint8Array>>
}

type SavePicker = (options: {
  suggestedName: string
  types: { description: string; accept: Record<string, string[]> }[]
}) => Promise<WritableFile>

function savePicker(): SavePicker | undefined {
  const picker: unknown = Reflect.get(window, 'showSaveFilePicker')
  return typeof picker === 'function' ? (picker.bind(window) as SavePicker) : undefined
}

/** The best way this browser has to save the ZIP. */
export function saveMode(): SaveMode {
  if (savePicker()) return 'picker'
  return canDownloadThroughWorker() ? 'worker' : 'memory'
}

/**
 * Asks where to save (the File System Access API's picker) while the click still counts as the person's; null when
 * they closed it. Without the API, the ZIP is downloaded, as it is made where the browser can.
 */
export async function chooseSaveTarget(suggestedName: string): Promise<SaveTarget | null> {
  const picker = savePicker()
  if (!picker && canDownloadThroughWorker())
    return { mode: 'worker', write: (zip, signal) => downloadThroughWorker(zip, suggestedName, signal) }
  if (!picker) return { mode: 'memory', write: (zip, signal) => downloadWhole(zip, suggestedName, signal) }
  let handle: WritableFile
  try {
    handle = await picker({ suggestedName, types: [{ description: 'ZIP', accept: { 'application/zip': ['.zip'] } }] })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return null
    throw err
  }
  // An aborted pipe aborts the writable, and the browser then drops the file it was writing.
  return { mode: 'picker', write: async (zip, signal) => zip.pipeTo(await handle.createWritable(), { signal }) }
}

async function downloadWhole(zip: ReadableStream<Uint8Array>, fileName: string, signal: AbortSignal): Promise<void> {
  const blob = await new Response(zip.pipeThrough(new TransformStream(), { signal })).blob()
  signal.throwIfAborted()
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // The download has its own copy once started; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** The ZIP as it goes out, counting its bytes. */
export function countingBytes(
  zip: ReadableStream<Uint8Array>,
  onBytes: (total: number) => void,
): ReadableStream<Uint8Array> {
  let total = 0
  return zip.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength
        onBytes(total)
        controller.enqueue(chunk)
      },
    }),
  )
}
