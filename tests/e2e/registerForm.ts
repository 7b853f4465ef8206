import { expect, type Page } from '@playwright/test'

export interface NewAccountInput {
  email: string
  username: string
  password: string
  confirmation?: string
}

/** A password no other test uses: the leak checks look for it. */
export const newPassword = 'fresh-password-7'

export function newAccount(username: string): NewAccountInput {
  return { email: `${username}@example.com`, username, password: newPassword }
}

/** Fills the register form as a person would, field by field. */
export async function fillRegisterForm(page: Page, account: NewAccountInput): Promise<void> {
  // Coming from the sign-in form, whose "Username or e-mail" a loose label match would fill instead.
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible()
  await page.getByLabel('E-mail', { exact: true }).fill(account.email)
  await page.getByLabel('Username', { exact: true }).fill(account.username)
  await page.getByLabel('New password', { exact: true }).fill(account.password)
  await page.getByLabel('Confirm the new password').fill(account.confirmation ?? account.password)
}

export function createButton(page: Page) {
  return page.getByRole('button', { name: 'Create my account' })
}

/** The new password must never reach the console, the URL or the page's storage. */
export async function expectNoPasswordLeak(page: Page, consoleLines: string[], password = newPassword): Promise<void> {
  expect(consoleLines.join('\n')).not.toContain(password)
  expect(page.url()).not.toContain(password)
  if (!page.url().startsWith('http://localhost')) return
  const stored = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
  )
  expect(stored).not.toContain(password)
}

/** Paths of the platform calls made so far, as `METHOD /path`. */
export function callPaths(requests: Array<{ method: string; path: string }>): string[] {
  return requests.map((request) => `${request.method} ${request.path}`)
}
