// How one page is measured in Chromium throttled like a slow phone: a cold load until its form is usable, or a sign-in until the consent shows.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test'
import en from '../../src/i18n/locales/en.json' with { type: 'json' }
import { chromiumArgs, chromiumPath } from '../chromium.ts'
import enAccount from '../../src/i18n/locales/account/en.json' with { type: 'json' }
import enConsent from '../../src/i18n/locales/consent/en.json' with { type: 'json' }

/** A slow phone on a poor network (issue 6); the platform answers `platformLatencyMs` late while a sign-in is timed. */
export const slowPhone = {
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  cpuSlowdown: 4,
}
export const platformLatencyMs = 100
const timeoutMs = 30_000
const headings = { consent: enConsent.consent.title, notFound: enAccount.notFound.title }

export interface RequestRecord {
  url: string
  method: string
  /** CDP resource type: Document, Script, Fetch, Preflight... */
  type: string
  /** Wall-clock milliseconds, comparable with `performance.timeOrigin + performance.now()` in the page. */
  startMs: number
  endMs?: number
  /** Bytes received (headers and encoded body), as CDP's `encodedDataLength` counts them. */
  bytes: number
}

export type LoadSample =
  | {
      outcome: 'usable'
      fcpMs: number
      usableMs: number
      appBytes: number
      platformBytes: number
      appRequests: number
      platformRequests: number
    }
  | { outcome: 'not-built' }
  | { outcome: 'failed'; error: string }

export interface SignInSample {
  /** From the submit event to the consent heading laid out (page clock). */
  ms: number
  requests: string[]
  preflights: string[]
  /** Longest chain of platform requests waited for one after the other, without and with the CORS preflights. */
  roundTrips: number
  roundTripsWithPreflights: number
}

interface ProbeMarks {
  usable?: number
  submit?: number
  headings: Record<string, number>
}

/**
 * Runs in the page before its own scripts. "Usable" is the first moment, checked on every DOM mutation and
 * animation frame, at which a mounted Vue app (`data-v-app`) has a form field that is enabled, not read-only,
 * laid out and visible: typing then reaches the app. Headings are `h1`s whose text equals a watched one.
 */
function probe(watched: Record<string, string>): void {
  const marks: ProbeMarks = { headings: {} }
  Object.assign(window, { __benchProbe: marks })
  const isUsable = (element: Element | null | undefined): boolean => {
    if (!(
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement
    ))
      return false
    const readOnly = element instanceof HTMLSelectElement ? false : element.readOnly
    return (
      !element.disabled &&
      !readOnly &&
      element.getClientRects().length > 0 &&
      getComputedStyle(element).visibility === 'visible'
    )
  }
  const check = (): void => {
    const now = performance.now()
    if (
      marks.usable === undefined &&
      isUsable(
        document
          .querySelector('[data-v-app]')
          ?.querySelector('form input:not([type="hidden"]), form select, form textarea'),
      )
    )
      marks.usable = now
    for (const title of document.querySelectorAll('h1')) {
      for (const [name, text] of Object.entries(watched)) {
        if (
          title.textContent?.trim() === text &&
          marks.headings[name] === undefined &&
          title.getClientRects().length > 0
        )
          marks.headings[name] = now
      }
    }
  }
  const everyFrame = (): void => {
    check()
    if (marks.usable === undefined) requestAnimationFrame(everyFrame)
  }
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  })
  requestAnimationFrame(everyFrame)
  document.addEventListener(
    'submit',
    () => {
      marks.submit ??= performance.now()
    },
    true,
  )
}

/** Waits until the probe has seen the form usable or one of the headings. */
async function waitForMark(page: Page, names: string[]): Promise<ProbeMarks> {
  await page.waitForFunction(
    (wanted) => {
      const marks = (window as unknown as { __benchProbe?: ProbeMarks }).__benchProbe
      return wanted.some((name) => (name === 'usable' ? marks?.usable : marks?.headings[name]) !== undefined)
    },
    names,
    { timeout: timeoutMs, polling: 50 },
  )
  return page.evaluate(() => (window as unknown as { __benchProbe: ProbeMarks }).__benchProbe)
}

/** Every request of the page, through CDP (its monotonic clock mapped to wall time with the start events' `wallTime`). */
function recordNetwork(cdp: CDPSession): RequestRecord[] {
  const requests: RequestRecord[] = []
  const byId = new Map<string, RequestRecord>()
  let wallOffsetMs = 0
  cdp.on(
    'Network.requestWillBeSent',
    (event: {
      requestId: string
      timestamp: number
      wallTime: number
      type?: string
      request: { url: string; method: string }
    }) => {
      wallOffsetMs = event.wallTime * 1000 - event.timestamp * 1000
      const record: RequestRecord = {
        url: event.request.url,
        method: event.request.method,
        type: event.type ?? 'Other',
        startMs: event.wallTime * 1000,
        bytes: 0,
      }
      byId.set(event.requestId, record)
      requests.push(record)
    },
  )
  const end = (event: { requestId: string; timestamp: number; encodedDataLength?: number }) => {
    const record = byId.get(event.requestId)
    if (!record) return
    record.endMs = event.timestamp * 1000 + wallOffsetMs
    record.bytes = event.encodedDataLength ?? 0
  }
  cdp.on('Network.loadingFinished', end)
  cdp.on('Network.loadingFailed', end)
  return requests
}

/** The median (the mean of the middle two for an even count); undefined when there are none. */
export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

function isPreflight(request: RequestRecord): boolean {
  return request.type === 'Preflight' || request.method === 'OPTIONS'
}

/**
 * Chromium reports a CORS preflight after the request it precedes, inside that request's time span: the
 * request only leaves once its preflight is answered, so it starts there, and preflights count as round trips.
 */
export function withPreflightsFirst(requests: RequestRecord[]): RequestRecord[] {
  const preflights = requests.filter(isPreflight)
  return requests.map((request) => {
    if (isPreflight(request)) return request
    const preflight = preflights.find(
      (candidate) =>
        candidate.url === request.url &&
        candidate.endMs !== undefined &&
        candidate.startMs >= request.startMs &&
        candidate.startMs <= (request.endMs ?? Number.POSITIVE_INFINITY),
    )
    return preflight ? { ...request, startMs: preflight.endMs as number } : request
  })
}

/** The longest chain of requests each starting after the previous one ended: the round trips a user waits for in turn. */
export function sequentialRoundTrips(requests: RequestRecord[]): number {
  const done = requests
    .filter((request) => request.endMs !== undefined)
    .sort((a, b) => (a.endMs as number) - (b.endMs as number))
  const chain = new Map<RequestRecord, number>()
  for (const request of done) {
    const before = done
      .filter((other) => (other.endMs as number) <= request.startMs)
      .map((other) => chain.get(other) ?? 1)
    chain.set(request, 1 + Math.max(0, ...before))
  }
  return Math.max(0, ...chain.values())
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
}

/** A new context (nothing cached), the probe installed, its network recorded and throttled, its CPU slowed. */
async function withColdPage<T>(
  browser: Browser,
  use: (page: Page, requests: RequestRecord[]) => Promise<T>,
): Promise<T> {
  const context: BrowserContext = await browser.newContext()
  try {
    // tsx compiles functions with esbuild's `__name` helper, which the page lacks: the probe's source gets a stand-in.
    await context.addInitScript({
      content: `(() => { const __name = (target) => target; (${probe.toString()})(${JSON.stringify(headings)}) })()`,
    })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: slowPhone.latencyMs,
      downloadThroughput: slowPhone.downloadBitsPerSecond / 8,
      uploadThroughput: slowPhone.uploadBitsPerSecond / 8,
    })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowPhone.cpuSlowdown })
    return await use(page, recordNetwork(cdp))
  } finally {
    await context.close()
  }
}

/** Quiet network (no request for 500 ms), or give up waiting after a while: the figures so far still stand. */
const settle = (page: Page) => page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined)
const bytesOf = (requests: RequestRecord[]) => requests.reduce((total, request) => total + request.bytes, 0)

/** Opens `url` cold and measures it until its form accepts input; bytes and requests count those started by then. */
export function measureLoad(
  browser: Browser,
  url: string,
  origins: { app: string; platform: string },
): Promise<LoadSample> {
  return withColdPage(browser, async (page, requests): Promise<LoadSample> => {
    try {
      await page.goto(url, { waitUntil: 'commit' })
      const marks = await waitForMark(page, ['usable', 'notFound'])
      if (marks.usable === undefined) return { outcome: 'not-built' }
      const fcp = await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        undefined,
        { timeout: timeoutMs, polling: 50 },
      )
      const fcpMs = (await fcp.jsonValue()) as number
      // A form ready before the first paint can be used once it is painted.
      const usableMs = Math.max(marks.usable, fcpMs)
      const usableAt = (await page.evaluate(() => performance.timeOrigin)) + usableMs
      await settle(page)
      const early = requests.filter((request) => request.startMs <= usableAt)
      const app = early.filter((request) => new URL(request.url).origin === origins.app)
      const platform = early.filter((request) => new URL(request.url).origin === origins.platform)
      return {
        outcome: 'usable',
        fcpMs,
        usableMs,
        appBytes: bytesOf(app),
        platformBytes: bytesOf(platform),
        appRequests: app.length,
        platformRequests: platform.length,
      }
    } catch (err) {
      return { outcome: 'failed', error: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err) }
    }
  })
}

/** Opens `authUrl` cold, lets it settle (the user types meanwhile), signs in and times the submit until the consent shows. */
export function measureSignIn(
  browser: Browser,
  authUrl: string,
  login: string,
  password: string,
  platformOrigin: string,
): Promise<SignInSample> {
  return withColdPage(browser, async (page, requests) => {
    await page.goto(authUrl, { waitUntil: 'commit' })
    await waitForMark(page, ['usable'])
    await settle(page)
    await page.getByLabel(en.signIn.login).fill(login)
    await page.getByLabel(en.signIn.password, { exact: true }).fill(password)
    await page.getByRole('button', { name: en.signIn.submit }).click()
    const marks = await waitForMark(page, ['consent'])
    const timeOrigin = await page.evaluate(() => performance.timeOrigin)
    const start = timeOrigin + (marks.submit ?? Number.NaN)
    const end = timeOrigin + (marks.headings.consent ?? Number.NaN)
    const during = requests.filter(
      (request) => new URL(request.url).origin === platformOrigin && request.startMs >= start && request.startMs <= end,
    )
    const calls = during.filter((request) => !isPreflight(request))
    const describe = (request: RequestRecord) => `${request.method} ${new URL(request.url).pathname}`
    return {
      ms: end - start,
      requests: calls.map(describe),
      preflights: during.filter(isPreflight).map(describe),
      roundTrips: sequentialRoundTrips(calls),
      roundTripsWithPreflights: sequentialRoundTrips(withPreflightsFirst(during)),
    }
  })
}
