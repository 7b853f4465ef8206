import type { Browser, Page } from '@playwright/test'
import { openColdPage } from './browser.ts'
import { appTexts } from './headings.ts'
import type { RequestRecord } from './networkLog.ts'
import { firstContentfulPaint, waitForMark } from './probe.ts'
import { pageTimeoutMs } from './settings.ts'

/** One cold load. Bytes and requests count those started before the form was usable; `settledBytes` all of them once the network was idle. */
export type LoadSample =
  | {
    outcome: 'usable'
    fcpMs: number
    usableMs: number
    appBytes: number
    platformBytes: number
    appRequests: number
    platformRequests: number
    settledBytes: number
  }
  | { outcome: 'not-built' }
  | { outcome: 'failed'; error: string }

export interface Origins {
  app: string
  platform: string
}

/** Wall-clock time of a probe mark. */
async function wallTime(page: Page, pageMs: number): Promise<number> {
  return (await page.evaluate(() => performance.timeOrigin)) + pageMs
}

function sumBytes(requests: RequestRecord[]): number {
  return requests.reduce((total, request) => total + request.bytes, 0)
}

function from(requests: RequestRecord[], origin: string): RequestRecord[] {
  return requests.filter((request) => new URL(request.url).origin === origin)
}

/** Quiet network (no request for 500 ms), or give up waiting after a while: the figures so far still stand. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
}

/** Opens `url` in a cold, throttled page and measures it until its form accepts input. */
export async function measureLoad(browser: Browser, url: string, origins: Origins): Promise<LoadSample> {
  const cold = await openColdPage(browser, appTexts.headings)
  try {
    await cold.page.goto(url, { waitUntil: 'commit' })
    const marks = await waitForMark(cold.page, ['usable', 'notFound'], pageTimeoutMs)
    if (marks.usable === undefined) return { outcome: 'not-built' }
    const fcpMs = await firstContentfulPaint(cold.page, pageTimeoutMs)
    // A form ready before the first paint can be used once it is painted.
    const usableMs = Math.max(marks.usable, fcpMs)
    const usableAt = await wallTime(cold.page, usableMs)
    await settle(cold.page)
    const early = cold.requests.filter((request) => request.startMs <= usableAt)
    const app = from(early, origins.app)
    const platform = from(early, origins.platform)
    return {
      outcome: 'usable',
      fcpMs,
      usableMs,
      appBytes: sumBytes(app),
      platformBytes: sumBytes(platform),
      appRequests: app.length,
      platformRequests: platform.length,
      settledBytes: sumBytes(cold.requests),
    }
  } catch (err) {
    return { outcome: 'failed', error: err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err) }
  } finally {
    await cold.close()
  }
}
