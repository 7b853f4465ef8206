/** Where the ZIP goes: written as it is made, or (without the File System Access API) kept whole then downloaded. */
export interface SaveTarget {
  streamed: boolean
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

/** Whether this browser can write the ZIP as it is made (the File System Access API's save picker). */
export function canWriteAsMade(): boolean {
  return savePicker() !== undefined
}

/**
 * Asks where to save (the File System Access API's picker) while the click still counts as the person's; null when
 * they closed it. Without the API, the ZIP is held in memory and downloaded at the end.
 */
export async function chooseSaveTarget(suggestedName: string): Promise<SaveTarget | null> {
  const picker = savePicker()
  if (!picker) return { streamed: false, write: (zip, signal) => downloadWhole(zip, suggestedName, signal) }
  let handle: WritableFile
  try {
    handle = await picker({ suggestedName, types: [{ description: 'ZIP', accept: { 'application/zip': ['.zip'] } }] })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return null
    throw err
  }
  // An aborted pipe aborts the writable, and the browser then drops the file it was writing.
  return { streamed: true, write: async (zip, signal) => zip.pipeTo(await handle.createWritable(), { signal }) }
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
