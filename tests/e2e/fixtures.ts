import { test as base, expect, type Page } from '@playwright/test'
import { accountSeed, demoPlatform } from './demoPlatform'
import { expectNothingKept, recordKept } from './securityKept'

export { expect }

export const demoUser = { username: 'demo-user', email: 'demo-user@example.com', password: 'demo-password-1' }
export const mfaUser = { username: 'mfa-user', email: 'mfa-user@example.com', password: 'mfa-password-1' }

// The seeded accounts' passwords and the usual wrong one: secrets even where a test never types them.
const knownSecrets = [demoUser.password, mfaUser.password, accountSeed.password, 'wrong-password-1']

/**
 * Every test starts on a fresh demo platform and ends with the one secrets check
 * (securityKept.ts): no password or token in what any page of the test wrote,
 * logged, requested or navigated to, nor in what the tested tab keeps on any
 * origin of the flow; and no page error.
 */
export const test = base.extend<{ consoleLines: string[] }>({
  consoleLines: [
    async ({ page }, use) => {
      await demoPlatform.reset()
      const lines: string[] = []
      page.on('console', (message) => lines.push(message.text()))
      page.on('pageerror', (error) => lines.push(`pageerror: ${error.message}`))
      await use(lines)
      expect(lines.filter((line) => line.startsWith('pageerror'))).toEqual([])
    },
    { auto: true },
  ],
  page: async ({ page }, use) => {
    await recordKept(page.context())
    await use(page)
    await expectNothingKept(page, { passwords: knownSecrets })
  },
})

export async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Username or e-mail').fill(login)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Signs in in any language: the fields are found by what they hold (`autocomplete`), not by their labels. */
export async function signInByFields(page: Page, login: string, password: string): Promise<void> {
  await page.locator('input[autocomplete="username"]').fill(login)
  const field = page.locator('input[autocomplete="current-password"]').first()
  await field.fill(password)
  await field.press('Enter')
}

/** Opens the auth URL the platform gave for a new request, as the app's popup would. */
export async function openNewRequest(page: Page, overrides: Record<string, unknown> = {}) {
  const created = await demoPlatform.createAuthRequest(overrides)
  await page.goto(created.authUrl)
  return created
}
