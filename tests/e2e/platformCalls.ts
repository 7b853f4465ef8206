import type { Page, Request } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { appUrl, platformUrl } from './urls'

/** The API methods a batch call (`POST {api}` with `[{ method, params }]`) carries; null for any other request. */
export function batchMethods(request: Request): string[] | null {
  let body: unknown
  try {
    body = request.postDataJSON()
  } catch {
    return null
  }
  if (!Array.isArray(body)) return null
  return body.map((item: unknown) => String((item as { method?: unknown } | null)?.method))
}

/** `METHOD /path`, plus the API methods of a batch call. */
function describeCall(request: Request): string {
  const call = `${request.method()} ${new URL(request.url()).pathname}`
  const methods = batchMethods(request)
  return methods ? `${call} ${methods.join(',')}` : call
}

// Where the demo platform serves its service assets (branding): files, not API calls.
const assetsPath = '/demo-assets/'

/**
 * Every request the page sends to the demo platform, in order, taken phase by
 * phase; the branding files apart. Chromium does not show CORS preflights to
 * Playwright: the platform's own request log lists them.
 */
export function recordPlatformCalls(page: Page) {
  const calls: string[] = []
  const assets: string[] = []
  let taken = 0
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin !== platformUrl) return
    if (url.pathname.startsWith(assetsPath)) assets.push(`${request.method()} ${url.pathname}`)
    else calls.push(describeCall(request))
  })
  return {
    /** The API calls since the previous take. */
    take(): string[] {
      const since = calls.slice(taken)
      taken = calls.length
      return since
    },
    /** The branding files fetched so far, sorted. */
    assets(): string[] {
      return [...assets].sort()
    },
    /** The preflights the platform received from the app's origin, all phases together. */
    async preflights(): Promise<string[]> {
      const log = (await demoPlatform.requests()) as Array<{ method: string; path: string; origin?: string | null }>
      return log
        .filter((entry) => entry.method === 'OPTIONS' && entry.origin === new URL(appUrl).origin)
        .map((entry) => `${entry.method} ${entry.path}`)
    },
  }
}
