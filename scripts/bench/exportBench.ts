// The export of a whole account in the browser (issue 24): time, events per second and the peak of the page's JS heap
// while it runs, for accounts of 10,000 and 100,000 events. The save picker is replaced by a file that counts the
// bytes and keeps none, so the page writes as it would to disk and the figures are the page's own.
import type { Browser } from '@playwright/test'

export interface ExportAccount {
  username: string
  password: string
  events: number
}

export interface ExportSample {
  username: string
  events: number
  ms: number
  eventsPerSecond: number
  /** Bytes of JS heap in use: right after sign-in (garbage collected), and the highest seen while exporting. */
  heapBeforeBytes: number
  heapPeakBytes: number
  /** What the page still holds once the file is written and garbage collected: the export keeps nothing of it. */
  heapAfterBytes: number
  zipBytes: number
}

// A string, not a function: tsx would compile a function with helpers the page lacks.
const countingSavePicker = `window.showSaveFilePicker = async () => ({
  createWritable: async () => new WritableStream({
    write(chunk) { window.__exportedBytes = (window.__exportedBytes || 0) + chunk.byteLength },
  }),
})`

/** Signs in to the account area's data section, exports, and samples the heap every 100 ms until the file is written. */
export async function measureExport(browser: Browser, appUrl: string, account: ExportAccount): Promise<ExportSample> {
  const context = await browser.newContext()
  try {
    await context.addInitScript({ content: countingSavePicker })
    const page = await context.newPage()
    await page.goto(`${appUrl}account/data`)
    await page.getByLabel('Username or e-mail').fill(account.username)
    await page.getByLabel('Password', { exact: true }).fill(account.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    const start = page.getByRole('button', { name: 'Export my data' })
    await start.waitFor({ timeout: 30_000 })
    const cdp = await context.newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const heapNow = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize
    const heapBeforeBytes = await heapNow()
    let heapPeakBytes = heapBeforeBytes
    const sampler = setInterval(() => {
      heapNow().then(
        (used) => (heapPeakBytes = Math.max(heapPeakBytes, used)),
        () => undefined,
      )
    }, 100)
    const began = performance.now()
    try {
      await start.click()
      await page.locator('[data-export-status="done"]').waitFor({ timeout: 30 * 60_000 })
    } finally {
      clearInterval(sampler)
    }
    const ms = performance.now() - began
    await cdp.send('HeapProfiler.collectGarbage')
    const heapAfterBytes = await heapNow()
    const zipBytes = Number(await page.evaluate(() => Reflect.get(window, '__exportedBytes')))
    return {
      username: account.username,
      events: account.events,
      ms,
      eventsPerSecond: account.events / (ms / 1000),
      heapBeforeBytes,
      heapPeakBytes,
      heapAfterBytes,
      zipBytes,
    }
  } finally {
    await context.close()
  }
}
