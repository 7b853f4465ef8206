import { basePathFromLocation } from '@/router/basePath'

/** The worker script (in `public/`) and its scope, both in the app's folder: it only ever sees its own URLs. */
const workerScript = 'export-download-worker.js'
const workerScope = 'export-download/'
/** Well under the browsers' 30 s idle limit: a worker stopped mid-download would end the file short. */
const keepAliveMs = 10_000

/** What the page posts to the worker, the stream transferred with it. */
export interface DownloadMessage {
  id: string
  fileName: string
  stream: ReadableStream<Uint8Array>
}

/** Service workers (secure contexts only) and streams that can be posted to them: Chromium, Firefox >= 103. */
export function canDownloadThroughWorker(): boolean {
  return window.isSecureContext && 'serviceWorker' in navigator && streamsTransfer()
}

function streamsTransfer(): boolean {
  try {
    const stream = new ReadableStream()
    structuredClone(stream, { transfer: [stream] })
    return true
  } catch {
    return false
  }
}

/** The worker's URL for one download; the name is only there for the browser's display, the worker reads the id. */
export function downloadUrl(folder: string, id: string, fileName: string): string {
  return `${folder}${workerScope}${id}/${encodeURIComponent(fileName)}`
}

/**
 * Downloads the ZIP as it is made: the worker answers the download's URL with the stream, so the browser pulls the
 * ZIP as it writes the file. Resolves once the whole ZIP was pulled; an abort errors the stream, so the browser's
 * download fails rather than ending as a silently short file.
 */
export async function downloadThroughWorker(
  zip: ReadableStream<Uint8Array>,
  fileName: string,
  signal: AbortSignal,
): Promise<void> {
  const folder = basePathFromLocation(window.location.pathname)
  let passing: TransformStreamDefaultController<Uint8Array> | undefined
  const pass = new TransformStream<Uint8Array, Uint8Array>({ start: (controller) => void (passing = controller) })
  // Errors the browser's side at once, even while it is not reading (a stalled disk): the download fails, and the
  // pipe below, its destination errored, cancels the ZIP.
  signal.addEventListener('abort', () => passing?.error(signal.reason))
  const id = crypto.randomUUID()
  let worker: ServiceWorker
  try {
    worker = await activeWorker(folder)
    await handOver(worker, { id, fileName, stream: pass.readable }, signal)
  } catch (err) {
    await zip.cancel(err)
    throw err
  }
  // The pass-through's readable side holds nothing (high-water mark 0): the pipe ends once the last chunk was pulled.
  const pulled = zip.pipeTo(pass.writable)
  const frame = startDownload(downloadUrl(folder, id, fileName))
  const keepAlive = setInterval(() => worker.postMessage('keep-alive'), keepAliveMs)
  try {
    await pulled
  } finally {
    clearInterval(keepAlive)
    // The browser may still be writing the last bytes it pulled: the frame goes a minute later.
    setTimeout(() => frame.remove(), 60_000)
  }
}

async function activeWorker(folder: string): Promise<ServiceWorker> {
  const registration = await navigator.serviceWorker.register(`${folder}${workerScript}`, {
    scope: `${folder}${workerScope}`,
  })
  const worker = registration.active ?? registration.waiting ?? registration.installing
  if (!worker) throw new Error('The download worker did not register.')
  if (worker.state === 'activated') return worker
  return new Promise((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve(worker)
      else if (worker.state === 'redundant') reject(new Error('The download worker did not start.'))
    })
  })
}

/** Posts the stream (transferred, not copied) and waits for the worker to hold it, so the URL is not asked too soon. */
function handOver(worker: ServiceWorker, message: DownloadMessage, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted()
  const { port1, port2 } = new MessageChannel()
  return new Promise<void>((resolve, reject) => {
    // Once the worker holds the stream, a later abort is the pipe's to handle: rejecting a settled promise does nothing.
    signal.addEventListener('abort', () => reject(signal.reason))
    port1.onmessage = () => {
      port1.close()
      resolve()
    }
    worker.postMessage(message, [message.stream, port2])
  })
}

/**
 * Opens the URL in a hidden frame: the worker's answer is an attachment, so it becomes the download, and should the
 * worker not answer, the server's page lands in the frame, never in place of this page and its export.
 */
function startDownload(url: string): HTMLIFrameElement {
  const frame = document.createElement('iframe')
  frame.hidden = true
  frame.src = url
  document.body.append(frame)
  return frame
}
