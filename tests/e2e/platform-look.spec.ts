import type { Page } from '@playwright/test'
import { signInToAccount, expectAppsList } from './accountArea'
import { openAcceptByRedirect } from './cmcAcceptFlow'
import { acceptPageLink, publishOffer } from './cmcPlatform'
import { openScopeRequest } from './cmcScopeFlow'
import { accountSeed } from './demoPlatform'
import { addAddressAndReadLink } from './emailVerification'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'
import { consentLink, consentPageUrl } from './oauthFlow'
import {
  currentLook,
  expectOnlyPlatformLook,
  expectPlatformLookFromFirstScreen,
  neutralLook,
  recordedLook,
  recordLook,
} from './platformLook'
import { platformUrl } from './urls'

/*
 * Issue 27: every page shows the platform it serves from its first screen to its last, and never another face
 * before or after (a page changing its face halfway through a consent looks like a phishing page). Checked without
 * screenshots: the name, the logo's address and the accent colour, recorded from before the page's scripts run.
 */

const passwordField = (page: Page) => page.getByLabel('Password', { exact: true })

test.beforeEach(async ({ page }) => recordLook(page))

test('the auth popup: no other name nor logo before the platform’s, whose look then shows whole, through the consent', async ({
  page,
}) => {
  await openNewRequest(page)
  await expect(passwordField(page)).toBeEditable()
  // Its form is usable before its poll state tells whose it is (issue 6): until then the header names no one.
  const { firstScreen } = await recordedLook(page)
  expect(firstScreen).toMatchObject({ name: '', logo: '' })
  await expect(page.locator('.shell-name')).toHaveText('Demo Pryv.io')
  await expectOnlyPlatformLook(page)

  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  await expectOnlyPlatformLook(page)
})

test('the OAuth consent page, with its signed request, then signed in', async ({ page }) => {
  await page.goto(consentPageUrl(await consentLink()))
  await expect(passwordField(page)).toBeEditable()
  await expectPlatformLookFromFirstScreen(page)

  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByText(`Signed in as ${demoUser.username}.`)).toBeVisible()
  await expectPlatformLookFromFirstScreen(page)
})

test('the OAuth consent page without its signed request', async ({ page }) => {
  await page.goto(consentPageUrl({ pryvApi: `${platformUrl}/` }))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectPlatformLookFromFirstScreen(page)
})

test('the CMC accept page, from the invitation to the signed-in offer', async ({ page }) => {
  await openAcceptByRedirect(page)
  await expect(passwordField(page)).toBeEditable()
  await expectPlatformLookFromFirstScreen(page)

  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'Share your data with Demo Study?' })).toBeVisible()
  await expectPlatformLookFromFirstScreen(page)
})

test('the CMC scope update page, from the request to the signed-in proposal', async ({ page }) => {
  await openScopeRequest(page)
  await expect(passwordField(page)).toBeEditable()
  await expectPlatformLookFromFirstScreen(page)

  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: /asks to change its access to your data/ })).toBeVisible()
  await expectPlatformLookFromFirstScreen(page)
})

test('the account area, from its sign-in to the list of apps', async ({ page }) => {
  await signInToAccount(page)
  await expectAppsList(page)
  await expectPlatformLookFromFirstScreen(page)
})

test('the e-mail verification page, from its sign-in to the verified address', async ({ page }) => {
  await page.goto(await addAddressAndReadLink('look-address@example.com'))
  await page.getByLabel('Username or e-mail').fill(accountSeed.username)
  await page.getByRole('button', { name: 'Verify my address' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mail address verified')
  await expectPlatformLookFromFirstScreen(page)
})

for (const [path, heading] of [
  ['register', 'Create an account'],
  ['reset-password', 'Reset your password'],
  ['change-password', 'Change your password'],
  ['signinhub', 'Go to your account'],
] as const) {
  test(`the ${path} page`, async ({ page }) => {
    await page.goto(`/access/${path}`)
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
    await expectPlatformLookFromFirstScreen(page)
  })
}

test('where no platform can be known (an untrusted pryvApi), the page keeps its own look throughout', async ({
  page,
}) => {
  const { capabilityUrl } = await publishOffer()
  await page.goto(acceptPageLink({ capabilityUrl, pryvApi: 'https://evil.example/' }))
  await expect(page.locator('.untrusted-host')).toHaveText('evil.example')
  await page.waitForLoadState('networkidle')

  const { firstScreen, looks } = await recordedLook(page)
  expect(firstScreen).toMatchObject({ name: neutralLook.name, accent: neutralLook.accent })
  expect(firstScreen?.logo).toMatch(neutralLook.logo)
  for (const look of looks) expect(look.name === '' || look.name === neutralLook.name).toBe(true)
  expect(looks.map((look) => look.logo).filter((logo) => logo !== '' && !neutralLook.logo.test(logo))).toEqual([])
  expect(await currentLook(page)).toMatchObject({ name: neutralLook.name, accent: neutralLook.accent })
})
