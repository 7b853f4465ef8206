import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { demoUser, expect, signIn, test } from './fixtures'
import { expectFocusRing, pressAndExpectFocus, typeInto } from './keyboard'
import { consentLink, consentPageUrl, oauthRecords, startOAuthFlow } from './oauthFlow'
import { platformUrl } from './urls'

// axe runs take seconds each on a slow machine.
test.describe.configure({ timeout: 120_000 })

test("the consent page's states have no axe violation, light and dark", async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable()
  await expectAccessibleInBothThemes(page, 'oauth: sign-in', figures)

  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('checkbox', { name: 'Read “Diary”' }).uncheck()
  await expectAccessibleInBothThemes(page, 'oauth: consent with a choice', figures)

  const { state, pryvApi } = await consentLink()
  await page.goto(consentPageUrl({ pryvApi, state: state.split('.')[0] ?? '' }))
  await expect(page.getByRole('heading', { name: 'This authorization request cannot be used' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'oauth: garbled link', figures)
  await attachAxeFigures(testInfo, figures)
})

test('keyboard only: sign in, untick an entry with Space, accept with Enter', async ({ page }) => {
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await typeInto(page, page.getByLabel('Username or e-mail'), demoUser.username)
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Password', { exact: true }))
  await page.keyboard.type(demoUser.password)
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Show password' }))
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Sign in' }))
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Give Demo Health Study access to your data?' })).toBeFocused()
  // The locked entry is disabled, so Tab goes straight to the optional one.
  const diary = page.getByRole('checkbox', { name: 'Read “Diary”' })
  await pressAndExpectFocus(page, 'Tab', diary)
  await expectFocusRing(page)
  await page.keyboard.press('Space')
  await expect(diary).not.toBeChecked()
  // The app's setting is a statement, not a box: Tab goes on to Accept.
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Accept' }))
  await expectFocusRing(page)
  await page.keyboard.press('Enter')

  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback`)
  expect((await oauthRecords()).decisions).toEqual([
    expect.objectContaining({
      grantedPermissions: [
        { streamId: 'health', level: 'read', defaultName: 'Health' },
        { feature: 'selfRevoke', setting: 'forbidden' },
      ],
    }),
  ])
})
