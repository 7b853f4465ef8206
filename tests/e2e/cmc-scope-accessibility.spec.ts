import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { openScopeRequest, returnToApp, scopeAnswers } from './cmcScopeFlow'
import { demoUser, expect, signIn, test } from './fixtures'
import { expectFocusRing, pressAndExpectFocus, signInWithKeyboard } from './keyboard'

// axe runs take seconds each on a slow machine.
test.describe.configure({ timeout: 120_000 })

test("the scope-update page's sign-in and comparison have no axe violation, light and dark", async ({
  page,
}, testInfo) => {
  const figures: AxeFigure[] = []
  await openScopeRequest(page)
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable()
  await expectAccessibleInBothThemes(page, 'scope update: sign-in', figures)

  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('region', { name: /^Added/ })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'scope update: comparison', figures)
  await attachAxeFigures(testInfo, figures)
})

test("the scope-update page's ending notice has no axe violation, light and dark", async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  await openScopeRequest(page, { expires: Math.floor(Date.now() / 1000) - 60 })
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'This request has expired' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'scope update: expired', figures)
  await attachAxeFigures(testInfo, figures)
})

test('keyboard only: sign in, pass the optional reason, accept with Enter', async ({ page }) => {
  await openScopeRequest(page)
  await signInWithKeyboard(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: /asks to change its access to your data/ })).toBeFocused()
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Reason for refusing (optional)'))
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Accept the change' }))
  await expectFocusRing(page)
  const returned = returnToApp(page)
  await page.keyboard.press('Enter')
  expect(await returned).toMatchObject({ ok: true, action: 'accept' })
  expect(await scopeAnswers()).toEqual([
    expect.objectContaining({ content: expect.objectContaining({ accept: true }) }),
  ])
})
