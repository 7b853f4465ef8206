import { demoPlatform } from './demoPlatform'
import { expect, mfaUser, openNewRequest, signInByFields, test } from './fixtures'
import { readLocale } from './localeText'

/*
 * Issue 26, item 8: one rule for every form. A submit button is never disabled for an empty field: pressing it says,
 * on the field, what is missing (a disabled button would not say why); it waits only while its request runs.
 */
for (const language of ['en', 'fr', 'de', 'it']) {
  test(`${language}: sign-in, its code step and the hub say what is missing instead of a button that cannot be used`, async ({
    page,
  }) => {
    const words = readLocale(language)
    const said = (key: string) => page.getByText(words.get(key) ?? key, { exact: true })
    await openNewRequest(page, { requestingAppId: 'test-one-rule', languageCode: language })
    const signIn = page.getByRole('button', { name: words.get('signIn.submit'), exact: true })
    await expect(signIn).toBeEnabled()
    await signIn.click()
    await expect(said('signIn.loginRequired')).toBeVisible()
    await expect(said('signIn.passwordRequired')).toBeVisible()
    await expect(page.locator('input[autocomplete="username"]')).toBeFocused()
    expect((await demoPlatform.requests()).some((request) => request.path.endsWith('/auth/login'))).toBe(false)

    await signInByFields(page, mfaUser.username, mfaUser.password)
    const code = page.locator('input[autocomplete="one-time-code"]')
    // The new step's heading takes the focus at the next frame, as a keyboard user finds it; press Enter after that.
    await expect(page.locator('main h1')).toBeFocused()
    await code.press('Enter')
    await expect(
      page.getByText(readLocale(language, 'mfa/').get('mfa.codeRequired') ?? '', { exact: true }),
    ).toBeVisible()
    await expect(code).toBeFocused()

    await page.goto(`/access/signinhub?lang=${language}`)
    await page.locator('input[autocomplete="username"]').press('Enter')
    await expect(page.getByText(readLocale(language, 'account/').get('signInHub.usernameRequired') ?? '')).toBeVisible()
  })
}
