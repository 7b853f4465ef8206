import { expect, type Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { batchMethods } from './platformCalls'
import { expectNothingKept, platformSecrets, type SecretsCheck } from './securityKept'
import { platformUrl } from './urls'

/** The host hostile links point to; it does not resolve, so every request to it is routed and counted here. */
export const foreignHost = 'evil.example'
export const foreignOrigin = `https://${foreignHost}`

const passwordFieldSelector = 'input[type="password"], input[autocomplete$="password"]'

declare global {
  interface Window {
    passwordFieldPainted?: boolean
  }
}

/**
 * Watches a page for what a hostile link would cause: requests to the foreign
 * host (answered with a failure, never reaching anything), a password field on
 * any painted frame. What it writes, logs or requests: securityKept.ts.
 */
export async function watchPage(page: Page) {
  const foreignRequests: string[] = []
  await page.route(
    (url) => url.hostname === foreignHost || url.hostname.endsWith(`.${foreignHost}`),
    async (route) => {
      foreignRequests.push(`${route.request().method()} ${route.request().url()}`)
      await route.abort('connectionrefused')
    },
  )
  // Checked at every frame before it is painted: a field added and removed within one task is never shown.
  await page.addInitScript((selector) => {
    window.passwordFieldPainted = false
    const look = () => {
      if (document.querySelector(selector)) window.passwordFieldPainted = true
      requestAnimationFrame(look)
    }
    requestAnimationFrame(look)
  }, passwordFieldSelector)
  return {
    foreignRequests,
    /** True when a password field was on screen at any painted frame since the page loaded. */
    passwordFieldPainted: () => page.evaluate(() => window.passwordFieldPainted === true),
  }
}

export type PageWatch = Awaited<ReturnType<typeof watchPage>>

/** Shows the explanation of a refused link, and never a password field nor a request to the foreign host. */
export async function expectRefusedLink(page: Page, watch: PageWatch, shown: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { name: 'This link cannot be trusted' })).toBeVisible()
  await expect(page.locator('.untrusted-host')).toHaveText(shown)
  expect(await watch.passwordFieldPainted()).toBe(false)
  await expect(page.locator(passwordFieldSelector)).toHaveCount(0)
  expect(watch.foreignRequests).toEqual([])
}

/**
 * No password or token in anything the tab wrote, logged, requested or was at,
 * on any origin of the flow: the one secrets check of fixtures.ts, run now with
 * this flow's passwords and allowances; at least one token was handed out.
 */
export async function expectNoLeak(page: Page, check: SecretsCheck): Promise<void> {
  const tokens = await platformSecrets()
  expect([...tokens.personal, ...tokens.mfa, ...tokens.access, ...tokens.reset].length).toBeGreaterThan(0)
  await expectNothingKept(page, check)
}

/** The personal sessions still open on the demo platform for this user. */
export async function openSessions(username: string): Promise<number> {
  return (await demoPlatform.user(username)).openSessions
}

/** Platform calls as `METHOD /path`, from the demo platform's own log (preflights left out). */
export async function platformCalls(): Promise<string[]> {
  const log = await demoPlatform.requests()
  return log.filter((entry) => entry.method !== 'OPTIONS').map((entry) => `${entry.method} ${entry.path}`)
}

export function countCalls(calls: string[], call: string | RegExp): number {
  return calls.filter((entry) => (typeof call === 'string' ? entry === call : call.test(entry))).length
}

/** The batch API methods the page called, as `POST /user/ method`, from Playwright's view of the page's requests. */
export function recordApiMethods(page: Page): string[] {
  const methods: string[] = []
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.url().startsWith(platformUrl)) return
    methods.push(...(batchMethods(request) ?? []))
  })
  return methods
}
