import type { Locator } from '@playwright/test'
import { expect, mfaUser, openNewRequest, signInByFields, test } from './fixtures'
import { openScopeRequest } from './cmcScopeFlow'
import { readLocale } from './localeText'

/* Issue 26, item 8: one look on a narrow screen; a link below the buttons keeps its distance from them. */
test.use({ viewport: { width: 320, height: 640 } })

/** The vertical space between two elements, the second below the first (negative when they overlap). */
async function gapBetween(above: Locator, below: Locator): Promise<number> {
  const [top, bottom] = [await above.boundingBox(), await below.boundingBox()]
  if (!top || !bottom) throw new Error('not laid out')
  return bottom.y - (top.y + top.height)
}

for (const language of ['en', 'fr', 'de', 'it']) {
  test(`${language}: "I lost my phone" sits on its own line, clear of Cancel, at 320 px`, async ({ page }) => {
    await openNewRequest(page, { requestingAppId: 'test-narrow-mfa', languageCode: language })
    await signInByFields(page, mfaUser.username, mfaUser.password)
    const lost = page.getByRole('button', { name: readLocale(language, 'mfa/').get('mfa.lostPhone') })
    const cancel = page.getByRole('button', { name: readLocale(language).get('action.cancel'), exact: true })
    await expect(lost).toBeVisible()
    expect(await gapBetween(cancel, lost)).toBeGreaterThanOrEqual(8)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  })
}

test('the notice that two-factor is now off sits above the card the page goes on with, not under its buttons', async ({
  page,
}) => {
  await openNewRequest(page, { requestingAppId: 'test-narrow-recovery' })
  await signInByFields(page, mfaUser.username, mfaUser.password)
  await page.getByRole('button', { name: 'I lost my phone' }).click()
  await page.getByLabel('Recovery code').fill('mfa-recovery-05')
  await page.getByRole('button', { name: 'Use recovery code' }).click()
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  const notice = page.getByText('Two-factor authentication is now switched off for your account.')
  const card = page.locator('.panel').filter({ has: page.getByRole('heading', { level: 1 }) })
  expect(await gapBetween(notice, card)).toBeGreaterThanOrEqual(8)
})

test('stacked cards keep their distance: the scope request above its sign-in form', async ({ page }) => {
  await openScopeRequest(page)
  const cards = page.locator('main .panel')
  await expect(cards.nth(1)).toBeVisible()
  expect(await gapBetween(cards.nth(0), cards.nth(1))).toBeGreaterThanOrEqual(8)
})
