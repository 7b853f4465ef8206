import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, openNewRequest, signInByFields, test } from './fixtures'

// Issue "what a careful person notices", item 1: one language on the page. Under our translated message the
// platform's English sentence used to show; now ours alone, the platform's only where ours are general, closed.
type ErrorWords = Record<'invalidCredentials' | 'invalidMfaCode' | 'invalidRequest' | 'detailsLabel', string>
const wordsOf = (language: string) =>
  (JSON.parse(readFileSync(`src/i18n/locales/${language}.json`, 'utf8')) as { error: ErrorWords }).error
const platformSentences = ['The given username/password pair is invalid.', 'MFA SMS provider error', 'HTTP 400']

async function expectOnlyOurWords(page: Page, message: string): Promise<void> {
  const alert = page.getByRole('alert').filter({ hasText: message })
  await expect(alert).toBeVisible()
  for (const sentence of platformSentences) await expect(page.locator('main')).not.toContainText(sentence)
  await expect(alert.locator('details')).toHaveCount(0)
}

for (const language of ['en', 'fr', 'de', 'it']) {
  test(`in ${language}, a wrong password or code is said in our words only; the platform's general refusal stays closed beside ours`, async ({
    page,
  }) => {
    const words = wordsOf(language)
    await openNewRequest(page, { requestingAppId: 'test-one-language', languageCode: language })
    await signInByFields(page, demoUser.username, 'wrong-password-1')
    await expectOnlyOurWords(page, words.invalidCredentials)

    await signInByFields(page, mfaUser.username, mfaUser.password)
    const code = page.locator('input[autocomplete="one-time-code"]')
    await expect(code).toBeVisible()
    await code.fill((await demoPlatform.lastSmsCode(mfaUser.username)) === '000000' ? '111111' : '000000')
    await code.press('Enter')
    await expectOnlyOurWords(page, words.invalidMfaCode)

    await page.goto(`/access/change-password?lang=${language}`)
    await expect(page.locator('input[autocomplete="new-password"]')).toHaveCount(2)
    for (const field of await page.locator('input[autocomplete="new-password"]').all())
      await field.fill('new-password-1')
    await signInByFields(page, demoUser.username, 'wrong-password-1')
    await expectOnlyOurWords(page, words.invalidCredentials)

    // A refusal our words only name in general: the platform's sentence is offered, closed, marked as English.
    const refusal = 'The username must be a string of 5 to 60 characters.'
    await demoPlatform.faults([
      {
        path: '/auth/login$',
        times: 1,
        status: 400,
        body: { error: { id: 'invalid-parameters-format', message: refusal } },
      },
    ])
    await openNewRequest(page, { requestingAppId: 'test-one-language', languageCode: language })
    await signInByFields(page, demoUser.username, demoUser.password)
    const alert = page.getByRole('alert').filter({ hasText: words.invalidRequest })
    await expect(alert).toBeVisible()
    const details = alert.locator('details')
    await expect(details.locator('summary')).toHaveText(words.detailsLabel)
    await expect(alert.getByText(refusal)).toBeHidden()
    await details.locator('summary').click()
    await expect(alert.getByText(refusal)).toBeVisible()
    await expect(details.locator('ul')).toHaveAttribute('lang', 'en')
  })
}
