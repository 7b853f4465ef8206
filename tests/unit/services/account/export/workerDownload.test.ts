// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  canDownloadThroughWorker,
  downloadThroughWorker,
  downloadUrl,
  type DownloadMessage,
} from '@/services/account/export/workerDownload'

/** A fake worker: records what the page posts, and acknowledges each download on the port given with it. */
function fakeWorker(state: ServiceWorkerState = 'activated', acknowledge = true) {
  const posted: { message: unknown; transfer: Transferable[] }[] = []
  const worker = Object.assign(new EventTarget(), {
    state,
    postMessage: vi.fn((message: unknown, transfer: Transferable[] = []) => {
      posted.push({ message, transfer })
      const port = transfer[1]
      if (acknowledge && port instanceof MessagePort) port.postMessage('ready')
    }),
  })
  return { worker, posted }
}

type FakeWorker = ReturnType<typeof fakeWorker>['worker']

function withServiceWorker(worker: FakeWorker, where: 'active' | 'installing' = 'active') {
  const register = vi.fn(async () => ({ [where]: worker }))
  Object.defineProperty(navigator, 'serviceWorker', { value: { register }, configurable: true })
  return register
}

function zipOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const bytes = chunks.map((chunk) => new TextEncoder().encode(chunk))
  return new ReadableStream({
    pull(controller) {
      const next = bytes.shift()
      if (next) controller.enqueue(next)
      else controller.close()
    },
  })
}

/** What the browser would save: the posted stream, read to its end. */
async function downloaded(posted: { message: unknown }[]): Promise<string> {
  const { stream } = posted[0]?.message as DownloadMessage
  return new Response(stream).text()
}

beforeEach(() => {
  window.history.replaceState(null, '', '/access/account/data')
  Object.defineProperty(window, 'isSecureContext', { value: true, configurable: true })
})

afterEach(() => {
  Reflect.deleteProperty(navigator, 'serviceWorker')
  document.body.replaceChildren()
})

describe('canDownloadThroughWorker', () => {
  it('needs service workers and a secure context', () => {
    expect(canDownloadThroughWorker()).toBe(false)
    withServiceWorker(fakeWorker().worker)
    expect(canDownloadThroughWorker()).toBe(true)
    Object.defineProperty(window, 'isSecureContext', { value: false, configurable: true })
    expect(canDownloadThroughWorker()).toBe(false)
  })

  it('needs streams that can be posted', () => {
    withServiceWorker(fakeWorker().worker)
    vi.spyOn(globalThis, 'structuredClone').mockImplementationOnce(() => {
      throw new DOMException('ReadableStream could not be cloned.', 'DataCloneError')
    })
    expect(canDownloadThroughWorker()).toBe(false)
  })
})

describe('downloadUrl', () => {
  it('puts the id in the worker scope and encodes the file name', () => {
    expect(downloadUrl('/access/', 'abc', 'pryv export é#?/..zip')).toBe(
      '/access/export-download/abc/pryv%20export%20%C3%A9%23%3F%2F..zip',
    )
  })
})

describe('downloadThroughWorker', () => {
  it('registers the worker in the app folder, posts the stream with transfer, then opens its URL', async () => {
    const { worker, posted } = fakeWorker()
    const register = withServiceWorker(worker)
    const done = downloadThroughWorker(zipOf('PK', 'zip'), 'pryv-export é.zip', new AbortController().signal)
    await vi.waitFor(() => expect(document.querySelector('iframe')).not.toBeNull())
    expect(register).toHaveBeenCalledWith('/access/export-download-worker.js', { scope: '/access/export-download/' })
    const { message, transfer } = posted[0] ?? { message: null, transfer: [] }
    const { id, fileName, stream } = message as DownloadMessage
    expect(fileName).toBe('pryv-export é.zip')
    expect(transfer[0]).toBe(stream)
    expect(transfer[1]).toBeInstanceOf(MessagePort)
    const frame = document.querySelector('iframe')
    expect(frame?.hidden).toBe(true)
    expect(frame?.getAttribute('src')).toBe(`/access/export-download/${id}/pryv-export%20%C3%A9.zip`)
    expect(await downloaded(posted)).toBe('PKzip')
    await expect(done).resolves.toBeUndefined()
  })

  it('resolves only once the whole ZIP was pulled', async () => {
    const { worker, posted } = fakeWorker()
    withServiceWorker(worker)
    let finished = false
    const done = downloadThroughWorker(zipOf('a', 'b'), 'x.zip', new AbortController().signal).then(
      () => (finished = true),
    )
    await vi.waitFor(() => expect(posted).toHaveLength(1))
    const reader = (posted[0]?.message as DownloadMessage).stream.getReader()
    await reader.read()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(finished).toBe(false)
    while (!(await reader.read()).done);
    await done
    expect(finished).toBe(true)
  })

  it('waits for a new worker to be active before posting', async () => {
    const { worker, posted } = fakeWorker('installing')
    withServiceWorker(worker, 'installing')
    const done = downloadThroughWorker(zipOf('a'), 'x.zip', new AbortController().signal)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(posted).toHaveLength(0)
    worker.state = 'activated'
    worker.dispatchEvent(new Event('statechange'))
    await vi.waitFor(() => expect(posted).toHaveLength(1))
    await downloaded(posted)
    await done
  })

  it('waits through the states before active, posting only once activated', async () => {
    const { worker, posted } = fakeWorker('installing')
    withServiceWorker(worker, 'installing')
    const done = downloadThroughWorker(zipOf('a'), 'x.zip', new AbortController().signal)
    await new Promise((resolve) => setTimeout(resolve, 10))
    for (const state of ['installed', 'activating'] as const) {
      worker.state = state
      worker.dispatchEvent(new Event('statechange'))
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(posted).toHaveLength(0)
    worker.state = 'activated'
    worker.dispatchEvent(new Event('statechange'))
    await vi.waitFor(() => expect(posted).toHaveLength(1))
    expect(await downloaded(posted)).toBe('a')
    await done
  })

  it('on abort, errors the stream the browser reads, so the download fails, and cancels the ZIP', async () => {
    const { worker, posted } = fakeWorker()
    withServiceWorker(worker)
    const controller = new AbortController()
    const cancelled = vi.fn()
    const zip = new ReadableStream<Uint8Array>({
      pull: (stream) => stream.enqueue(new TextEncoder().encode('a')),
      cancel: cancelled,
    })
    const done = downloadThroughWorker(zip, 'x.zip', controller.signal)
    await vi.waitFor(() => expect(document.querySelector('iframe')).not.toBeNull())
    const reader = (posted[0]?.message as DownloadMessage).stream.getReader()
    await reader.read()
    const reason = new DOMException('The person cancelled the export.', 'AbortError')
    controller.abort(reason)
    await expect(done).rejects.toBe(reason)
    await expect(reader.read()).rejects.toBe(reason)
    expect(cancelled).toHaveBeenCalledWith(reason)
  })

  it('on abort before the worker answered, rejects and cancels the ZIP', async () => {
    const { worker } = fakeWorker('activated', false)
    withServiceWorker(worker)
    const controller = new AbortController()
    const cancel = vi.fn()
    const zip = new ReadableStream<Uint8Array>({ cancel })
    const done = downloadThroughWorker(zip, 'x.zip', controller.signal)
    await vi.waitFor(() => expect(worker.postMessage).toHaveBeenCalled())
    controller.abort(new DOMException('Cancelled.', 'AbortError'))
    await expect(done).rejects.toThrow('Cancelled.')
    expect(cancel).toHaveBeenCalled()
    expect(document.querySelector('iframe')).toBeNull()
  })

  it('takes a worker still waiting', async () => {
    const waiting = fakeWorker()
    const register = vi.fn(async () => ({ waiting: waiting.worker }))
    Object.defineProperty(navigator, 'serviceWorker', { value: { register }, configurable: true })
    const done = downloadThroughWorker(zipOf('a'), 'x.zip', new AbortController().signal)
    await vi.waitFor(() => expect(waiting.posted).toHaveLength(1))
    await downloaded(waiting.posted)
    await done
  })

  it('fails, cancelling the ZIP, when no worker registered', async () => {
    const none = vi.fn()
    Object.defineProperty(navigator, 'serviceWorker', { value: { register: async () => ({}) }, configurable: true })
    await expect(
      downloadThroughWorker(new ReadableStream({ cancel: none }), 'x.zip', new AbortController().signal),
    ).rejects.toThrow('The download worker did not register.')
    expect(none).toHaveBeenCalled()
  })

  it('fails, cancelling the ZIP, when the worker never starts', async () => {
    const { worker } = fakeWorker('installing')
    withServiceWorker(worker, 'installing')
    const dropped = vi.fn()
    const failing = downloadThroughWorker(
      new ReadableStream({ cancel: dropped }),
      'x.zip',
      new AbortController().signal,
    )
    await new Promise((resolve) => setTimeout(resolve, 10))
    worker.state = 'redundant'
    worker.dispatchEvent(new Event('statechange'))
    await expect(failing).rejects.toThrow('The download worker did not start.')
    expect(dropped).toHaveBeenCalled()
    expect(document.querySelector('iframe')).toBeNull()
  })

  it('a cancel after the worker holds the stream no longer rejects the hand-over', async () => {
    const { worker, posted } = fakeWorker()
    withServiceWorker(worker)
    const controller = new AbortController()
    const done = downloadThroughWorker(zipOf('a', 'b'), 'x.zip', controller.signal)
    await vi.waitFor(() => expect(document.querySelector('iframe')).not.toBeNull())
    await downloaded(posted)
    await done
    expect(() => controller.abort(new Error('late'))).not.toThrow()
  })

  it('keeps the worker awake while the browser pulls, stops once done, and removes the frame a minute later', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] })
    try {
      const { worker, posted } = fakeWorker()
      withServiceWorker(worker)
      const done = downloadThroughWorker(zipOf('a', 'b'), 'x.zip', new AbortController().signal)
      await vi.waitFor(() => expect(document.querySelector('iframe')).not.toBeNull())
      const handedOver = worker.postMessage.mock.calls.length
      vi.advanceTimersByTime(10_000)
      expect(worker.postMessage).toHaveBeenCalledTimes(handedOver + 1)
      expect(worker.postMessage).toHaveBeenLastCalledWith('keep-alive')
      await downloaded(posted)
      await done
      const calls = worker.postMessage.mock.calls.length
      vi.advanceTimersByTime(59_999)
      expect(worker.postMessage).toHaveBeenCalledTimes(calls)
      expect(document.querySelector('iframe')).not.toBeNull()
      vi.advanceTimersByTime(1)
      expect(document.querySelector('iframe')).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })
})
