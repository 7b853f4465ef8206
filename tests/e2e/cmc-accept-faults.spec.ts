import type { Page } from '@playwright/test'
import { cmcRecords, cmcSettings, publishOffer, acceptPageLink } from './cmcPlatform'
import { cmcClientUrl, openAcceptByRedirect, redirectedResult } from './cmcAcceptFlow'
import { demoUser, expect, signIn, test } from './fixtures'
import { platformUrl } from './urls'

/** Every URL the page requests from now on. */
function requestsOf(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request) => urls.push(request.url()))
  return urls
}

async function acceptAll(page: Page): Promise<void> {
  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('button', { name: 'Accept all' }).click()
}

test('an expired capability is explained before anything is asked, and the app told when the person goes back', async ({
  page,
}) => {
  await openAcceptByRedirect(page, { capabilityExpiresInSeconds: 0 })
  await expect(page.getByRole('heading', { name: 'The invitation could not be accepted' })).toBeVisible()
  await expect(
    page.getByText('This invitation has expired or no longer exists. Ask the app for a new one.'),
  ).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  const result = redirectedResult(page)
  await page.getByRole('button', { name: 'Back to the app' }).click()
  expect(await result).toEqual({ ok: false, reason: 'cmc-capability-invalid' })
  expect((await cmcRecords()).triggers.filter((trigger) => trigger.username === demoUser.username)).toEqual([])
})

test('a failed trigger is explained in our words for its reason, and no grant is left', async ({ page }) => {
  await cmcSettings({ failNextTrigger: { reason: 'cmc-insufficient-permissions' } })
  await openAcceptByRedirect(page)
  await acceptAll(page)
  await expect(
    page.getByText('Your account cannot give this access from this session. Nothing was shared.'),
  ).toBeVisible()
  // Our sentence says it all: the platform's reason code stays out of the page (one language, our words).
  await expect(page.getByText('cmc-insufficient-permissions')).toHaveCount(0)
  const result = redirectedResult(page)
  await page.getByRole('button', { name: 'Back to the app' }).click()
  expect(await result).toMatchObject({ ok: false, reason: 'cmc-insufficient-permissions' })
  expect((await cmcRecords()).grants).toEqual([])
})

test('a slow trigger shows the progress, then completes', async ({ page }) => {
  await cmcSettings({ triggerDelayMs: 2500 })
  await openAcceptByRedirect(page)
  const result = redirectedResult(page)
  await acceptAll(page)
  await expect(page.getByRole('heading', { name: 'Giving access…' })).toBeVisible()
  await expect(page.getByRole('progressbar', { name: 'Giving access…' })).toBeVisible()
  expect(await result).toMatchObject({ ok: true })
})

test('an untrusted pryvApi is named, with no password field and no request at all', async ({ page }) => {
  const { capabilityUrl } = await publishOffer()
  const requested = requestsOf(page)
  await page.goto(acceptPageLink({ capabilityUrl, pryvApi: 'https://evil.example/', returnUrl: cmcClientUrl }))
  await expect(page.getByText('evil.example', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  expect(requested.filter((url) => !url.startsWith(new URL(page.url()).origin))).toEqual([])
})

test('a capability on another platform is named as the requester’s, and the accept works there', async ({ page }) => {
  await openAcceptByRedirect(page, { capabilityHost: 'localhost' })
  const otherHost = new URL(platformUrl.replace('127.0.0.1', 'localhost')).host
  await expect(page.getByText(`The requester’s account is on another platform: ${otherHost}.`)).toBeVisible()
  const result = redirectedResult(page)
  await acceptAll(page)
  expect(await result).toMatchObject({ ok: true })
})

test('a capability over plain http to a remote host is refused in words, with no request', async ({ page }) => {
  const { capabilityUrl } = await publishOffer()
  const remote = new URL(capabilityUrl)
  remote.host = 'requester.example:8080'
  const requested = requestsOf(page)
  await page.goto(acceptPageLink({ capabilityUrl: remote.href, returnUrl: cmcClientUrl, mode: 'redirect' }))
  await expect(page.getByRole('heading', { name: 'This invitation cannot be opened' })).toBeVisible()
  await expect(page.getByText('requester.example:8080', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  expect(requested.filter((url) => new URL(url).hostname === 'requester.example')).toEqual([])
})
