import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { cmcRecords, cmcSettings } from './cmcPlatform'
import { openAcceptByRedirect, redirectedResult } from './cmcAcceptFlow'
import { demoUser, expect, signIn, test } from './fixtures'
import { expectFocusRing, pressAndExpectFocus, signInWithKeyboard } from './keyboard'

// axe runs take seconds each on a slow machine.
test.describe.configure({ timeout: 120_000 })

const choiceOffer = {
  request: {
    allowUserChoice: true,
    permissions: [
      { streamId: 'health', level: 'read', defaultName: 'Health', mandatory: true as const },
      { streamId: 'diary', level: 'read', defaultName: 'Diary' },
    ],
  },
}

test("the accept page's offer and result states have no axe violation, light and dark", async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  await openAcceptByRedirect(page, { capabilityHost: 'localhost', ...choiceOffer })
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable()
  await expectAccessibleInBothThemes(page, 'cmc accept: offer and sign-in', figures)

  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('checkbox', { name: 'Read “Diary”' }).uncheck()
  await expectAccessibleInBothThemes(page, 'cmc accept: offer with a choice', figures)

  await cmcSettings({ failNextTrigger: { reason: 'cmc-handler-data-grant-name-conflict' } })
  await page.getByRole('button', { name: 'Accept', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'The invitation could not be accepted' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'cmc accept: failed', figures)

  await openAcceptByRedirect(page, { capabilityExpiresInSeconds: 0 })
  await expect(page.getByText('This invitation has expired or no longer exists.')).toBeVisible()
  await expectAccessibleInBothThemes(page, 'cmc accept: expired capability', figures)
  await attachAxeFigures(testInfo, figures)
})

test('keyboard only: sign in, untick an entry with Space, accept with Enter', async ({ page }) => {
  await openAcceptByRedirect(page, choiceOffer)
  // Once the offer is read, the focus is on the sign-in panel's heading, below the offer: Tab leads to the form.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeFocused()
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Username or e-mail'))
  await signInWithKeyboard(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: 'Share your data with Demo Study?' })).toBeFocused()
  // The locked entry is disabled, so Tab goes straight to the optional one.
  const diary = page.getByRole('checkbox', { name: 'Read “Diary”' })
  await pressAndExpectFocus(page, 'Tab', diary)
  await expectFocusRing(page)
  await page.keyboard.press('Space')
  await expect(diary).not.toBeChecked()
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Accept', exact: true }))
  await expectFocusRing(page)
  const result = redirectedResult(page)
  await page.keyboard.press('Enter')

  expect(await result).toMatchObject({ ok: true })
  const accept = (await cmcRecords()).triggers.find((trigger) => trigger.type === 'consent/accept-cmc')
  expect(accept?.content.grantedPermissions).toEqual([{ streamId: 'health', level: 'read', defaultName: 'Health' }])
})
