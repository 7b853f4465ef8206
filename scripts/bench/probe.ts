import type { BrowserContext, Page } from '@playwright/test'

/** Page times (ms since navigation start) the probe saw: the form accepting input, and each watched heading. */
export interface ProbeMarks {
  usable?: number
  submit?: number
  headings: Record<string, number>
}

/**
 * Runs in the page before its own scripts. "Usable" is the first moment, checked
 * on every DOM mutation and every animation frame, at which a Vue app has mounted
 * (`data-v-app` on its container) and the first field of a form in it is
 * connected, enabled, not read-only, laid out and visible: typing then reaches
 * the app. Headings are `h1`s whose text equals a watched one.
 */
function probe(headings: Record<string, string>): void {
  const marks: ProbeMarks = { headings: {} }
  Object.assign(window, { __benchProbe: marks })
  const field = 'form input:not([type="hidden"]), form select, form textarea'

  function isUsable(element: Element | null | undefined): boolean {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) return false
    const readOnly = element instanceof HTMLSelectElement ? false : element.readOnly
    return !element.disabled && !readOnly && element.getClientRects().length > 0 && getComputedStyle(element).visibility === 'visible'
  }

  function check(): void {
    const now = performance.now()
    if (marks.usable === undefined && isUsable(document.querySelector('[data-v-app]')?.querySelector(field))) marks.usable = now
    for (const title of document.querySelectorAll('h1')) {
      const text = title.textContent?.trim() ?? ''
      for (const [name, wanted] of Object.entries(headings)) {
        if (text === wanted && marks.headings[name] === undefined && title.getClientRects().length > 0) marks.headings[name] = now
      }
    }
  }

  function everyFrame(): void {
    check()
    if (marks.usable === undefined) requestAnimationFrame(everyFrame)
  }

  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true })
  requestAnimationFrame(everyFrame)
  document.addEventListener('submit', () => { marks.submit ??= performance.now() }, true)
}

/**
 * Installs the probe in every page of the context. tsx compiles functions with
 * esbuild's `__name` helper, which the page lacks: the source gets a stand-in.
 */
export async function installProbe(context: BrowserContext, headings: Record<string, string>): Promise<void> {
  await context.addInitScript({ content: `(() => { const __name = (target) => target; (${probe.toString()})(${JSON.stringify(headings)}) })()` })
}

export function readMarks(page: Page): Promise<ProbeMarks> {
  return page.evaluate(() => (window as unknown as { __benchProbe: ProbeMarks }).__benchProbe)
}

/** Waits until the probe has seen the form usable or one of the headings. */
export async function waitForMark(page: Page, names: Array<'usable' | string>, timeoutMs: number): Promise<ProbeMarks> {
  await page.waitForFunction((wanted) => {
    const marks = (window as unknown as { __benchProbe?: ProbeMarks }).__benchProbe
    return wanted.some((name) => (name === 'usable' ? marks?.usable : marks?.headings[name]) !== undefined)
  }, names, { timeout: timeoutMs, polling: 50 })
  return readMarks(page)
}

/** First contentful paint (ms since navigation start), once the browser has reported it. */
export async function firstContentfulPaint(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, undefined, { timeout: timeoutMs, polling: 50 })
  return (await handle.jsonValue()) as number
}
