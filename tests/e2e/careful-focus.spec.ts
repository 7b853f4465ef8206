import type { Page } from '@playwright/test'
import { demoUser, expect, openNewRequest, test } from './fixtures'

// Issue "what a careful person notices", item 7: moving between the popup's pages keeps the person's place.
const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const login = (page: Page) => page.getByLabel('Username or e-mail')

for (const [link, title] of [
  ['Create an account', 'Create an account'],
  ['Forgot your password?', 'Reset your password'],
] as const) {
  test(`“${link}” puts the focus on the new page’s heading; back to the sign-in, the typed username is still there`, async ({
    page,
  }) => {
    await openNewRequest(page, { requestingAppId: 'test-kept-focus' })
    await expect(login(page)).toBeFocused()
    await page.keyboard.type(demoUser.username)
    await page.getByRole('link', { name: link }).click()
    await expect(heading(page)).toHaveText(title)
    await expect(heading(page)).toBeFocused()
    await page.goBack()
    await expect(heading(page)).toHaveText('Sign in')
    await expect(heading(page)).toBeFocused()
    await expect(login(page)).toHaveValue(demoUser.username)
    await expect(page.getByLabel('Password', { exact: true })).toHaveValue('')
  })
}
