import { demoUser, expect, signIn, test } from './fixtures'
import {
  advanceOAuthClock,
  consentLink,
  consentPagePath,
  consentPageUrl,
  oauthRecords,
  startOAuthFlow,
} from './oauthFlow'
import { appUrl } from './urls'

test('an untrusted pryvApi: the host is named and no password field is shown', async ({ page }) => {
  const { state } = await consentLink()
  await page.goto(consentPageUrl({ state, pryvApi: 'https://evil.example' }))
  await expect(page.getByRole('heading', { name: 'This link cannot be trusted' })).toBeVisible()
  await expect(page.getByText('evil.example')).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
})

test('a link without state, or with a state that cannot be read: explained, no password field, no navigation', async ({
  page,
}) => {
  const { pryvApi } = await consentLink()
  await page.goto(consentPageUrl({ pryvApi }))
  await expect(page.getByRole('heading', { name: 'This authorization request cannot be used' })).toBeVisible()
  await expect(page.getByText('The link is incomplete')).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)

  await page.goto(consentPageUrl({ pryvApi, state: 'bm90LWpzb24.c2lnbmF0dXJl' }))
  await expect(page.getByText('The link is damaged: the request it carries cannot be read.')).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  expect(page.url().startsWith(`${appUrl}${consentPagePath}`)).toBe(true)
  expect((await oauthRecords()).decisions).toEqual([])
})

test('a tampered signature: the platform refuses the accept, the page says to start again and stays', async ({
  page,
}) => {
  const { state, pryvApi } = await consentLink()
  const tampered = state.slice(0, -2) + (state.endsWith('AA') ? 'BB' : 'AA')
  await page.goto(consentPageUrl({ state: tampered, pryvApi }))
  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('button', { name: 'Accept' }).click()

  await expect(page.getByRole('alert')).toContainText(
    'The platform cannot use this request (it was changed or is incomplete). Go back to the app and start again from there.',
  )
  // Our sentence says it all: the platform's internal words stay out (one language on the page).
  await expect(page.getByText('bad_signature')).toHaveCount(0)
  expect(page.url().startsWith(`${appUrl}${consentPagePath}`)).toBe(true)
  expect((await oauthRecords()).decisions).toEqual([])
})

test('a request the platform finds expired: explained, no form left, no navigation', async ({ page }) => {
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await signIn(page, demoUser.username, demoUser.password)
  await advanceOAuthClock(301)
  await page.getByRole('button', { name: 'Accept' }).click()

  await expect(page.getByRole('heading', { name: 'This request has expired' })).toBeFocused()
  await expect(page.getByText('Go back to the app and start again from there.')).toBeVisible()
  await expect(page.getByRole('button')).toHaveCount(0)
  expect(page.url().startsWith(`${appUrl}${consentPagePath}`)).toBe(true)
  expect((await oauthRecords()).decisions).toEqual([])
})

test('the time left runs down on the page, and at the end the request is explained as expired', async ({ page }) => {
  await page.clock.install()
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await expect(page.getByText(/Time left to answer: 4:5\d/)).toBeVisible()
  await page.clock.fastForward('03:00')
  await expect(page.getByText(/Time left to answer: 1:5\d/)).toBeVisible()
  await advanceOAuthClock(301)
  await page.clock.fastForward('02:01')

  await expect(page.getByRole('heading', { name: 'This request has expired' })).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  expect((await oauthRecords()).decisions).toEqual([])
})
