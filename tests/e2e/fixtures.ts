import { test as base, expect, type Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'

export { expect }

export const demoUser = { username: 'demo-user', email: 'demo-user@example.com', password: 'demo-password-1' }
export const mfaUser = { username: 'mfa-user', email: 'mfa-user@example.com', password: 'mfa-password-1' }

const knownSecrets = [demoUser.password, mfaUser.password, 'wrong-password-1']

/**
 * Every test starts on a fresh demo platform and ends by checking that no
 * password was written to the console or kept in the page's storage.
 */
export const test = base.extend<{ consoleLines: string[] }>({
  consoleLines: [async ({ page }, use) => {
    await demoPlatform.reset()
    const lines: string[] = []
    page.on('console', (message) => lines.push(message.text()))
    page.on('pageerror', (error) => lines.push(`pageerror: ${error.message}`))
    await use(lines)
    for (const secret of knownSecrets) expect(lines.join('\n')).not.toContain(secret)
    expect(lines.filter((line) => line.startsWith('pageerror'))).toEqual([])
  }, { auto: true }],
  page: async ({ page }, use) => {
    await use(page)
    if (page.isClosed() || !page.url().startsWith('http://localhost')) return
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie)
    for (const secret of knownSecrets) expect(stored).not.toContain(secret)
  },
})

export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Username or e-mail').fill(login)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Opens the auth URL the platform gave for a new request, as the app's popup would. */
export async function openNewRequest(page: Page, overrides: Record<string, unknown> = {}) {
  const created = await demoPlatform.createAuthRequest(overrides)
  await page.goto(created.authUrl)
  return created
}
