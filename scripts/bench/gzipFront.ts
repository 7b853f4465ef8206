import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'

const compressible = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg\+xml)/

/**
 * Sits in front of a static site and gzips its answers (level 9), as a
 * production server does (nginx `gzip_static`): the throttled browser then
 * downloads what a real phone would, not the raw files.
 */
async function forward(upstream: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const answer = await fetch(upstream + (req.url ?? '/'), { method: req.method, redirect: 'manual' })
  const body = Buffer.from(await answer.arrayBuffer())
  const headers: Record<string, string> = {}
  answer.headers.forEach((value, name) => {
    if (name !== 'content-length' && name !== 'content-encoding' && name !== 'transfer-encoding' && name !== 'connection') headers[name] = value
  })
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && compressible.test(headers['content-type'] ?? '') && body.length > 0
  const sent = gzip ? gzipSync(body, { level: 9 }) : body
  if (gzip) Object.assign(headers, { 'content-encoding': 'gzip', vary: 'Accept-Encoding' })
  res.writeHead(answer.status, { ...headers, 'content-length': String(sent.length) })
  res.end(req.method === 'HEAD' ? undefined : sent)
}

/** Listens on 127.0.0.1:`port` and forwards to `upstream` (an origin, no trailing slash). */
export function startGzipFront(port: number, upstream: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    forward(upstream, req, res).catch((err: unknown) => {
      console.error('bench: static request failed', err)
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo
      resolve({
        origin: `http://127.0.0.1:${bound}`,
        close: () => new Promise<void>((done) => {
          server.close(() => done())
          server.closeAllConnections()
        }),
      })
    })
  })
}
