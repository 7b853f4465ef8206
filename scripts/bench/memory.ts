import type { Browser, CDPSession, Page } from '@playwright/test'
import { demoPlatform } from '../../tests/e2e/demoPlatform.ts'
import { openColdPage } from './browser.ts'
import { appTexts } from './headings.ts'
import { waitForMark } from './probe.ts'
import { navigationRounds, otherPages, pageTimeoutMs, type BenchPage } from './settings.ts'
import { fillSignIn } from './signInFlow.ts'

export interface MemoryFigures {
  /** JS heap in use after a sign-in and accept, once garbage is collected. */
  afterFlowBytes: number
  /** JS heap after one warm-up round of navigations (round 0), then every few rounds: growth that keeps on is a leak. */
  navigation: { method: string; heapByRound: Array<{ round: number; bytes: number }> }
}

/** Heap in use after a forced garbage collection (CDP). */
async function heapInUse(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = await cdp.send('Runtime.getHeapUsage')
  return usage.usedSize
}

/** The app's own router (Vue keeps the app on its container): in-app navigation without any link to click. */
async function routerPush(page: Page, to: string): Promise<void> {
  await page.evaluate(async (target) => {
    type RouterHolder = { __vue_app__: { config: { globalProperties: { $router: { push: (to: string) => Promise<unknown> } } } } }
    const container = document.querySelector('[data-v-app]') as unknown as RouterHolder
    await container.__vue_app__.config.globalProperties.$router.push(target)
    await new Promise((resolve) => requestAnimationFrame(resolve))
  }, to)
}

async function signedInToDone(page: Page, authUrl: string): Promise<void> {
  await page.goto(authUrl)
  await waitForMark(page, ['usable'], pageTimeoutMs)
  await fillSignIn(page, 'demo-user', 'demo-password-1')
  await page.getByRole('button', { name: appTexts.signInButton }).click()
  await waitForMark(page, ['consent'], pageTimeoutMs)
  await page.getByRole('button', { name: appTexts.acceptButton }).click()
  await waitForMark(page, ['done'], pageTimeoutMs)
}

async function navigationRound(page: Page, pages: BenchPage[], authRoute: string): Promise<void> {
  for (const other of pages) {
    await routerPush(page, `/${other.path}`)
    await routerPush(page, authRoute)
  }
}

/** Heap after a whole flow, and whether navigating between the pages in the app makes it grow (no throttling: memory only). */
export async function measureMemory(browser: Browser): Promise<MemoryFigures> {
  const flow = await openColdPage(browser, appTexts.headings, false)
  let afterFlowBytes: number
  try {
    await signedInToDone(flow.page, (await demoPlatform.createAuthRequest({ requestingAppId: 'bench-memory' })).authUrl)
    afterFlowBytes = await heapInUse(flow.cdp)
  } finally {
    await flow.close()
  }
  const nav = await openColdPage(browser, appTexts.headings, false)
  try {
    const { authUrl } = await demoPlatform.createAuthRequest({ requestingAppId: 'bench-navigation' })
    await nav.page.goto(authUrl)
    await waitForMark(nav.page, ['usable'], pageTimeoutMs)
    const authRoute = `/auth${new URL(authUrl).search}`
    await navigationRound(nav.page, otherPages, authRoute)
    const heapByRound = [{ round: 0, bytes: await heapInUse(nav.cdp) }]
    for (let round = 1; round <= navigationRounds; round += 1) {
      await navigationRound(nav.page, otherPages, authRoute)
      if (round % 5 === 0) heapByRound.push({ round, bytes: await heapInUse(nav.cdp) })
    }
    return { afterFlowBytes, navigation: { method: 'router.push', heapByRound } }
  } finally {
    await nav.close()
  }
}
