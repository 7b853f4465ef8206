import type { Page } from '@playwright/test'
import { accountSeed, expectAppsList, signInToAccount } from './accountArea'
import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, signIn, test } from './fixtures'
import { tabTo } from './keyboard'
import { countCalls, platformCalls } from './security'

const { username, password } = accountSeed
const usernameSection = (page: Page) => page.getByRole('region', { name: 'Change your username' })
const changeCalls = async () => countCalls(await platformCalls(), /^POST \/[^/]+\/account\/change-username$/)

async function openProfile(page: Page): Promise<void> {
  await signInToAccount(page)
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Profile' }).click()
  await expect(usernameSection(page).getByText('You can change your username 2 more times out of 2.')).toBeVisible()
}

async function askForName(page: Page, wanted: string, typedPassword: string = password): Promise<void> {
  const section = usernameSection(page)
  await section.getByLabel('New username').fill(wanted)
  await section.getByLabel('Your password').fill(typedPassword)
  await section.getByRole('button', { name: 'Change the username' }).click()
}

test('changes the username after the password: the session goes on under the new name, which alone signs in', async ({
  page,
}, testInfo) => {
  test.slow()
  const figures: AxeFigure[] = []
  const renamed = 'account-renamed'
  await openProfile(page)
  const section = usernameSection(page)
  await expect(section).toContainText('the old name keeps leading to your account')
  await expectAccessibleInBothThemes(page, 'username form', figures)

  await askForName(page, renamed, 'wrong-password-1')
  await expect(section.getByText('This is not your current password.')).toBeVisible()
  await askForName(page, demoUser.username)
  await expect(section.getByText('This username is taken. Choose another one.')).toBeVisible()
  await askForName(page, 'access')
  await expect(section.getByText('This name is reserved by the platform. Choose another one.')).toBeVisible()
  await expectAccessibleInBothThemes(page, 'username refused', figures)
  expect(await changeCalls()).toBe(2)

  await askForName(page, 'Account-Renamed')
  await expect(
    page.getByText(
      `Your username is now ${renamed}. From now on, sign in with ${renamed}: ${username} no longer signs you in.`,
    ),
  ).toBeVisible()
  await expect(page.getByText(`Signed in as ${renamed}`)).toBeVisible()
  await expect(page.locator('.profile-summary')).toContainText(renamed)
  await expect(section.getByText('You can change your username one more time.')).toBeVisible()
  await expect(section.getByLabel('New username')).toHaveValue('')
  const names = await demoPlatform.usernames()
  expect(names).toContain(renamed)
  expect(names).not.toContain(username)
  await expectAccessibleInBothThemes(page, 'username changed', figures)

  // The same session, now on the API under the new name.
  await page.getByRole('link', { name: 'Apps and access' }).click()
  await expectAppsList(page)
  const afterChange = (await platformCalls()).slice(-3)
  expect(afterChange.every((call) => !call.includes(`/${username}/`))).toBe(true)

  await page.getByRole('button', { name: 'Sign out' }).first().click()
  await expect(page.getByText('You are signed out.')).toBeVisible()
  await signIn(page, username, password)
  await expect(page.getByText('This username is no longer in use: its account has a new name.')).toBeVisible()
  await signIn(page, renamed, password)
  await expectAppsList(page)
  await attachAxeFigures(testInfo, figures)
})

test('checks the name in the page first; a double click changes once; no change left, no form', async ({ page }) => {
  await openProfile(page)
  const section = usernameSection(page)
  await askForName(page, 'ab')
  await expect(section.getByText('This username does not follow the rule above.')).toBeVisible()
  await askForName(page, username.toUpperCase())
  await expect(section.getByText('This is already your username.')).toBeVisible()
  expect(await changeCalls()).toBe(0)

  await demoPlatform.faults([{ path: '/account/change-username$', times: 2, delayMs: 400 }])
  await section.getByLabel('New username').fill('first-rename')
  await section.getByLabel('Your password').fill(password)
  await section.getByRole('button', { name: 'Change the username' }).dblclick()
  await expect(page.getByText('Signed in as first-rename')).toBeVisible()
  expect(await changeCalls()).toBe(1)

  await askForName(page, 'second-rename')
  await expect(page.getByText('Signed in as second-rename')).toBeVisible()
  await expect(section.getByText('You have used all 2 username changes this platform allows.')).toBeVisible()
  await expect(section.getByRole('button', { name: 'Change the username' })).toHaveCount(0)
})

test('changes the username with the keyboard only', async ({ page }) => {
  await openProfile(page)
  const field = usernameSection(page).getByLabel('New username')
  await tabTo(page, field)
  await page.keyboard.type('keyboard-rename')
  await page.keyboard.press('Tab')
  await expect(usernameSection(page).getByLabel('Your password')).toBeFocused()
  await page.keyboard.type(password)
  await page.keyboard.press('Enter')
  await expect(page.getByText('Signed in as keyboard-rename')).toBeVisible()
})
