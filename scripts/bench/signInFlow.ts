import type { Browser, Page } from '@playwright/test'
import { demoPlatform } from '../../tests/e2e/demoPlatform.ts'
import { openColdPage } from './browser.ts'
import { appTexts } from './headings.ts'
import { describeRequest, isPreflight, sequentialRoundTrips, withPreflightsFirst } from './networkLog.ts'
import { settle, type Origins } from './pageLoad.ts'
import { waitForMark } from './probe.ts'
import { pageTimeoutMs, platformLatencyMs } from './settings.ts'

export interface SignInSample {
  /** From the submit event to the consent heading laid out (page clock). */
  ms: number
  /** Platform requests in that time, in order, preflights apart. */
  requests: string[]
  preflights: string[]
  /** Longest chain of platform requests waited for one after the other, without and with the CORS preflights. */
  roundTrips: number
  roundTripsWithPreflights: number
}

export async function fillSignIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel(appTexts.loginLabel).fill(login)
  await page.getByLabel(appTexts.passwordLabel, { exact: true }).fill(password)
}

/**
 * Opens a new auth request in a cold throttled page, waits for it to settle (the
 * user types meanwhile), signs in, and times the submit until the consent shows,
 * the platform answering every request `platformLatencyMs` late.
 */
export async function measureSignIn(browser: Browser, login: string, password: string, origins: Origins): Promise<SignInSample> {
  const { authUrl } = await demoPlatform.createAuthRequest({ requestingAppId: 'bench-app' })
  const cold = await openColdPage(browser, appTexts.headings)
  try {
    await demoPlatform.faults([], platformLatencyMs)
    await cold.page.goto(authUrl, { waitUntil: 'commit' })
    await waitForMark(cold.page, ['usable'], pageTimeoutMs)
    await settle(cold.page)
    await fillSignIn(cold.page, login, password)
    await cold.page.getByRole('button', { name: appTexts.signInButton }).click()
    const marks = await waitForMark(cold.page, ['consent'], pageTimeoutMs)
    const timeOrigin = await cold.page.evaluate(() => performance.timeOrigin)
    const start = timeOrigin + (marks.submit ?? Number.NaN)
    const end = timeOrigin + (marks.headings.consent ?? Number.NaN)
    const during = cold.requests.filter((request) => new URL(request.url).origin === origins.platform && request.startMs >= start && request.startMs <= end)
    const calls = during.filter((request) => !isPreflight(request))
    return {
      ms: end - start,
      requests: calls.map(describeRequest),
      preflights: during.filter(isPreflight).map(describeRequest),
      roundTrips: sequentialRoundTrips(calls),
      roundTripsWithPreflights: sequentialRoundTrips(withPreflightsFirst(during)),
    }
  } finally {
    await demoPlatform.faults([], 0)
    await cold.close()
  }
}
