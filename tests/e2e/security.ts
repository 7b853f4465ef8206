import { expect, type BrowserContext, type Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { batchMethods } from './platformCalls'
import { appUrl, platformUrl } from './urls'

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
 * Watches a page for what a hostile link or a leak would show: requests to the
 * foreign host (answered with a failure, never reaching anything), a password
 * field on any painted frame, every address the tab was at, every console line.
 */
export async function watchPage(page: Page) {
  const foreignRequests: string[] = []
  const addresses: string[] = []
  const consoleLines: string[] = []
  const referers: string[] = []
  await page.route((url) => url.hostname === foreignHost || url.hostname.endsWith(`.${foreignHost}`), async (route) => {
    foreignRequests.push(`${route.request().method()} ${route.request().url()}`)
    await route.abort('connectionrefused')
  })
  // Checked at every frame before it is painted: a field added and removed within one task is never shown.
  await page.addInitScript((selector) => {
    window.passwordFieldPainted = false
    const look = () => {
      if (document.querySelector(selector)) window.passwordFieldPainted = true
      requestAnimationFrame(look)
    }
    requestAnimationFrame(look)
  }, passwordFieldSelector)
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) addresses.push(frame.url())
  })
  page.on('console', (message) => consoleLines.push(message.text()))
  page.on('request', (request) => {
    const referer = request.headers().referer
    if (referer) referers.push(referer)
  })
  return {
    foreignRequests,
    addresses,
    consoleLines,
    referers,
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

/** Every secret the demo platform handed out or was given: personal, MFA, app and reset tokens. */
export async function platformSecrets(): Promise<{ personal: string[]; mfa: string[]; access: string[]; reset: string[] }> {
  const [tokens, mails, state] = await Promise.all([
    demoPlatform.tokens(),
    demoPlatform.mails(),
    demoPlatform.state(),
  ])
  return {
    personal: tokens.filter((token) => token.kind === 'personal').map((token) => token.token),
    mfa: tokens.filter((token) => token.kind === 'mfa').map((token) => token.token),
    access: state.users.flatMap((user) => user.accesses.map((access) => access.token)),
    reset: mails.map((mail) => mail.resetToken),
  }
}

/** What our origin keeps in the browser: storage and cookies, read from a plain file of our site so no app code runs. */
async function ourOriginStorage(context: BrowserContext): Promise<string> {
  const probe = await context.newPage()
  await probe.goto(`${appUrl}/access/favicon.svg`)
  const stored = await probe.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))
  await probe.close()
  const cookies = await context.cookies()
  return stored + JSON.stringify(cookies)
}

export interface LeakCheck {
  /** Passwords typed during the flow. */
  passwords: string[]
  /** Secrets allowed in one address: the mailed reset link holds its token; a legacy returnURL gets the app token. */
  allowedIn?: Array<{ secret: string; address: (url: string) => boolean }>
}

/**
 * No password or token in any address the tab was at (nor in its current one), in
 * a Referer sent, in our origin's storage or cookies, or in the console.
 */
export async function expectNoLeak(page: Page, watch: PageWatch, check: LeakCheck): Promise<void> {
  const tokens = await platformSecrets()
  const secrets = [...check.passwords, ...tokens.personal, ...tokens.mfa, ...tokens.access, ...tokens.reset]
  expect(secrets.length).toBeGreaterThan(check.passwords.length)
  const stored = await ourOriginStorage(page.context())
  const consoleText = watch.consoleLines.join('\n')
  for (const secret of secrets) {
    const allowed = (check.allowedIn ?? []).filter((allowance) => allowance.secret === secret)
    for (const address of [...watch.addresses, page.url()]) {
      if (allowed.some((allowance) => allowance.address(address))) continue
      expect(address, 'an address the tab was at').not.toContain(secret)
    }
    for (const referer of watch.referers) expect(referer, 'a Referer header').not.toContain(secret)
    expect(stored, 'our origin\'s storage and cookies').not.toContain(secret)
    expect(consoleText, 'the console').not.toContain(secret)
  }
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
