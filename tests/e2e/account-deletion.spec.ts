import type { Locator, Page } from '@playwright/test'
import { accountSeed, signInToAccount } from './accountArea'
import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { demoPlatform } from './demoPlatform'
import { expect, test as base } from './fixtures'
import type { HostedApp } from './hosting/hostedApp'
import { startVariantBuild } from './hosting/variantBuild'
import { signInWithKeyboard, tabTo, typeInto } from './keyboard'
import { platformUrl } from './urls'

/*
 * Deleting the account (issue 24, contract 8). The main build keeps VITE_ACCOUNT_DELETION off: the section says how
 * to ask the platform. A variant build turns it on: the platform deletes the account when its policy lets personal
 * tokens do so (`/_demo/account-deletion`), and refuses otherwise (its default, admin key only).
 */
const { username, password } = accountSeed
const deletionPath = `/users/${username}`

const test = base.extend<object, { variant: HostedApp }>({
  variant: [
    async ({}, use) => {
      const hosted = await startVariantBuild({ VITE_ACCOUNT_DELETION: 'true' })
      await use(hosted)
      await hosted.close()
    },
    { scope: 'worker', timeout: 180_000 },
  ],
})

function deletionSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Delete your account' })
}

async function openDataSection(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Your data' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible()
}

/** The variant build's account area, signed in as the seeded account, on its "Your data" section. */
async function openOnVariant(page: Page, variant: HostedApp): Promise<void> {
  await page.goto(`${variant.appUrl}account`)
  await page.getByLabel('Username or e-mail').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await openDataSection(page)
}

async function fillConfirmation(page: Page, typed: string = username, typedPassword: string = password): Promise<void> {
  const section = deletionSection(page)
  await section.getByLabel('Username').fill(typed)
  await section.getByLabel('Password', { exact: true }).fill(typedPassword)
}

async function deletionCalls(): Promise<number> {
  const requests = await demoPlatform.requests()
  return requests.filter((request) => request.method === 'DELETE' && request.path === deletionPath).length
}

async function personalTokens(): Promise<string[]> {
  const tokens = await demoPlatform.tokens()
  return tokens.filter((token) => token.kind === 'personal' && token.username === username).map((t) => t.token)
}

test('main build: the deletion is not offered; the section says how to ask the platform, with its support link', async ({
  page,
}, testInfo) => {
  const figures: AxeFigure[] = []
  await signInToAccount(page)
  await openDataSection(page)
  const section = deletionSection(page)
  await expect(section.getByText('Accounts on this platform are not deleted from this page.')).toBeVisible()
  await expect(section.getByRole('link', { name: /support/ })).toHaveAttribute('href', 'https://example.com/support')
  await expect(section.getByRole('link', { name: /Terms of use/ })).toHaveAttribute('href', 'https://example.com/terms')
  await expect(section.getByRole('button')).toHaveCount(0)
  await expect(section.getByLabel('Password', { exact: true })).toHaveCount(0)
  await expectAccessibleInBothThemes(page, 'not offered', figures)
  await attachAxeFigures(testInfo, figures)
  expect(await deletionCalls()).toBe(0)
})

test('allowed by the platform: a double click deletes once, the session ends, the final page shows', async ({
  page,
  variant,
}, testInfo) => {
  test.slow()
  const figures: AxeFigure[] = []
  await demoPlatform.allowAccountDeletion(['adminToken', 'personalToken'])
  await openOnVariant(page, variant)
  const section = deletionSection(page)
  await expect(section.getByText('your username: it becomes free again')).toBeVisible()
  await expectAccessibleInBothThemes(page, 'form', figures)

  // Pressed too early, the button says what is missing rather than sending anything.
  await section.getByRole('button', { name: 'Delete my account for good' }).click()
  await expect(section.getByText(`Type ${username} exactly as shown.`)).toBeVisible()
  await expect(section.getByText('Enter your current password.')).toBeVisible()
  await expectAccessibleInBothThemes(page, 'form errors', figures)

  const tokens = await personalTokens()
  await fillConfirmation(page)
  await section.getByRole('button', { name: 'Delete my account for good' }).dblclick()
  const done = page.getByRole('heading', { level: 1, name: 'Your account has been deleted' })
  await expect(done).toBeFocused()
  await expect(page.getByText(`The account ${username} and all its data are gone`)).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Your account' })).toHaveCount(0)
  await expectAccessibleInBothThemes(page, 'deleted', figures)
  await attachAxeFigures(testInfo, figures)

  expect(await deletionCalls()).toBe(1)
  expect(await demoPlatform.usernames()).not.toContain(username)
  for (const token of tokens) {
    const answer = await fetch(`${platformUrl}/${username}/access-info`, { headers: { Authorization: token } })
    expect(answer.status).not.toBe(200)
  }
})

test('refused by the platform (admin key only): the page says so with where to ask; the account stays', async ({
  page,
  variant,
}) => {
  await openOnVariant(page, variant)
  await fillConfirmation(page)
  await deletionSection(page).getByRole('button', { name: 'Delete my account for good' }).click()
  const refusal = deletionSection(page).getByRole('alert').filter({ hasText: 'The platform refused' })
  await expect(refusal).toContainText('Your account and its data are untouched.')
  await expect(refusal.getByRole('link', { name: /support/ })).toHaveAttribute('href', 'https://example.com/support')
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible()
  expect(await deletionCalls()).toBe(1)
  expect(await demoPlatform.usernames()).toContain(username)
})

test('a wrong password is said by its field; nothing is deleted', async ({ page, variant }) => {
  await demoPlatform.allowAccountDeletion(['adminToken', 'personalToken'])
  await openOnVariant(page, variant)
  await fillConfirmation(page, username, 'wrong-password-1')
  await deletionSection(page).getByRole('button', { name: 'Delete my account for good' }).click()
  await expect(deletionSection(page).getByText('This password is not right.')).toBeVisible()
  expect(await deletionCalls()).toBe(0)
  expect(await demoPlatform.usernames()).toContain(username)
})

test('keyboard only: the export link first, then the username, the password and Enter', async ({ page, variant }) => {
  await demoPlatform.allowAccountDeletion(['adminToken', 'personalToken'])
  await page.goto(`${variant.appUrl}account/data`)
  await page.getByLabel('Username or e-mail').focus()
  await signInWithKeyboard(page, username, password)
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible()
  const section = deletionSection(page)
  const exportLink = section.getByRole('link', { name: 'download your data' })
  await tabTo(page, exportLink)
  await page.keyboard.press('Enter')
  await expect(page.locator('#account-export-title')).toBeFocused()
  const typed = section.getByLabel('Username')
  await tabTo(page, typed)
  await typeInto(page, typed, username)
  await page.keyboard.press('Tab')
  await typeInto(page, section.getByLabel('Password', { exact: true }), password)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Your account has been deleted' })).toBeFocused()
  expect(await deletionCalls()).toBe(1)
})
