import { expect, type Locator, type Page } from '@playwright/test'
import { accountSeed, demoPlatform } from './demoPlatform'
import { platformSecrets } from './securityKept'

export { accountSeed }

/** Opens the account area at `path` (below `/access/`) and signs in with the seeded account, or `login`. */
export async function signInToAccount(
  page: Page,
  path = 'account',
  login: string = accountSeed.username,
  password: string = accountSeed.password,
): Promise<void> {
  await page.goto(`/access/${path}`)
  await page.getByLabel('Username or e-mail').fill(login)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** The list of apps and access, once shown. */
export async function expectAppsList(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Apps and access' })).toBeVisible()
  await expect(page.getByRole('article').first()).toBeVisible()
}

/** One group of the list, by its title. */
export function accessCard(page: Page, title: string): Locator {
  return page.getByRole('article', { name: title, exact: true })
}

/** No token the platform handed out or holds appears in the page's markup (the account area reads many). */
export async function expectNoTokenInPage(page: Page): Promise<void> {
  const { personal, mfa, access } = await platformSecrets()
  const markup = await page.content()
  for (const token of [...personal, ...mfa, ...access]) expect(markup).not.toContain(token)
}

/** The seeded access of that id, as the platform holds it now. */
export async function seededAccess(id: string) {
  const user = await demoPlatform.user(accountSeed.username)
  const access = user.accesses.find((candidate) => candidate.id === id)
  if (!access) throw new Error(`no access ${id}`)
  return access
}
