import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test'
import { recordNetwork, type RequestRecord } from './networkLog.ts'
import { installProbe } from './probe.ts'
import { chromiumArgs, chromiumPath, slowPhone } from './settings.ts'

export interface ColdPage {
  context: BrowserContext
  page: Page
  cdp: CDPSession
  requests: RequestRecord[]
  close: () => Promise<void>
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
}

/** Network and CPU of a slow phone, on this page only (CDP). */
async function throttle(cdp: CDPSession): Promise<void> {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: slowPhone.latencyMs,
    downloadThroughput: slowPhone.downloadBitsPerSecond / 8,
    uploadThroughput: slowPhone.uploadBitsPerSecond / 8,
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowPhone.cpuSlowdown })
}

/** A new browser context (nothing cached, no cookies), its cache disabled, throttled unless told otherwise. */
export async function openColdPage(browser: Browser, headings: Record<string, string>, throttled = true): Promise<ColdPage> {
  const context = await browser.newContext()
  await installProbe(context, headings)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  if (throttled) await throttle(cdp)
  const requests = recordNetwork(cdp)
  return { context, page, cdp, requests, close: () => context.close() }
}
