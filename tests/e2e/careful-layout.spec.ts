import type { Locator } from '@playwright/test'
import { expect, mfaUser, openNewRequest, signInByFields, test } from './fixtures'
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
