import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { writeAnswer, type Answer } from './http.ts'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
}

export interface StaticSiteOptions {
  /** Absolute directory holding the built app (e.g. `dist/`). */
  root: string
  /** Where the app lives on the site, with both slashes, e.g. `/access/`. */
  basePath: string
  /**
   * What a path without a file gets: `spa-rewrite` (default), the app's index.html,
   * as the NGINX example does; `not-found-page`, the build's 404.html with status
   * 404, as GitHub Pages and other static hosts without rewrites do.
   */
  missingFile?: 'spa-rewrite' | 'not-found-page'
}

function textAnswer(status: number, text: string, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: text }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** Hashed build files never change; HTML must be revalidated so a new build is picked up. */
function cacheControl(relativePath: string): string {
  return relativePath.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
}

async function fileAnswer(root: string, relativePath: string, status = 200): Promise<Answer> {
  const type = contentTypes[extname(relativePath).toLowerCase()] ?? 'application/octet-stream'
  return {
    status,
    headers: { 'content-type': type, 'cache-control': cacheControl(relativePath), 'x-content-type-options': 'nosniff' },
    body: await readFile(join(root, relativePath)),
  }
}

/** The file a path names under `basePath`; like an NGINX rewrite, anything else gets the app's index.html. */
async function answerFor(options: StaticSiteOptions, pathname: string): Promise<Answer> {
  const { root, basePath } = options
  if (pathname === '/' || pathname === basePath.slice(0, -1))
    return textAnswer(302, `Moved to ${basePath}`, { location: basePath })
  if (!pathname.startsWith(basePath)) return textAnswer(404, 'Not found')
  let relative: string
  try {
    relative = decodeURIComponent(pathname.slice(basePath.length))
  } catch {
    return textAnswer(400, 'Bad request')
  }
  // Asset URLs are relative to the page: at {base}/account/apps/x they are asked for under account/apps/assets/
  // (hashed names are unique, so the one assets folder answers them), as the NGINX example does; a host without
  // rewrites does not.
  if (options.missingFile !== 'not-found-page') relative = relative.replace(/^(?:[^/]+\/)+(assets\/[^/]+)$/, '$1')
  const target = resolve(root, relative)
  if (relative.includes('\0') || (target !== root && !target.startsWith(root + sep)))
    return textAnswer(403, 'Forbidden')
  const relativePath = target
    .slice(root.length + 1)
    .split(sep)
    .join('/')
  if (relativePath !== '' && (await isFile(target))) return fileAnswer(root, relativePath)
  if (options.missingFile === 'not-found-page') return staticHostAnswer(root, relativePath)
  if (await isFile(join(root, 'index.html'))) return fileAnswer(root, 'index.html')
  return textAnswer(404, 'The app is not built: run `npm run build`.')
}

/** A host without rewrites: a folder's index.html, else the site's 404.html with status 404. */
async function staticHostAnswer(root: string, relativePath: string): Promise<Answer> {
  const folderIndex = relativePath === '' ? 'index.html' : `${relativePath}/index.html`
  if (await isFile(join(root, folderIndex))) return fileAnswer(root, folderIndex)
  if (await isFile(join(root, '404.html'))) return fileAnswer(root, '404.html', 404)
  return textAnswer(404, 'Not found')
}

/** A request handler serving a built single-page app. */
export function staticSiteHandler(options: StaticSiteOptions) {
  const site = { ...options, root: resolve(options.root) }
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD') {
      writeAnswer(res, textAnswer(405, 'Method not allowed', { allow: 'GET, HEAD' }), {})
      return
    }
    const { pathname } = new URL(req.url ?? '/', 'http://localhost')
    writeAnswer(res, await answerFor(site, pathname), {}, method === 'HEAD')
  }
}
