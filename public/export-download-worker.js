// The account export's streamed download, for browsers without the File System Access API: the page hands over the
// ZIP as a stream, then opens this worker's URL for it, and the browser saves the answer as it is pulled, so the
// ZIP is never whole in memory. This worker only answers its own URLs, each once, for an id the page posted.

/** Streams the page posted and not yet downloaded, by id. */
const waiting = new Map()

self.addEventListener('install', () => {
  // Nothing to cache or migrate: a new version takes over at once. Its scope is its own URLs' folder, so it never
  // sees the app's pages or their requests.
  self.skipWaiting()
})

self.addEventListener('message', (event) => {
  // Only a page of this origin can reach this worker; the check says so to the reader.
  if (event.origin !== self.location.origin) return
  const { id, fileName, stream } = event.data ?? {}
  const port = event.ports[0]
  // Other messages (the page's keep-alive) only keep this worker running while a download is under way.
  if (typeof id !== 'string' || typeof fileName !== 'string' || !(stream instanceof ReadableStream) || !port) return
  waiting.set(id, { fileName, stream })
  port.postMessage('ready')
})

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  const prefix = new URL(self.registration.scope).pathname
  if (url.origin !== self.location.origin || !url.pathname.startsWith(prefix)) return
  const id = url.pathname.slice(prefix.length).split('/')[0]
  const download = waiting.get(id)
  // An unknown or used id goes on to the server as any request would: this worker serves nothing else.
  if (!download) return
  waiting.delete(id)
  event.respondWith(
    new Response(download.stream, {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': contentDisposition(download.fileName),
        'X-Content-Type-Options': 'nosniff',
      },
    }),
  )
})

/** RFC 6266: an ASCII fallback, then the exact name percent-encoded in UTF-8 (RFC 8187 allows none of '()*). */
function contentDisposition(fileName) {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
