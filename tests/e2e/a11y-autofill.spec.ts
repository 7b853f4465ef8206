import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, openNewRequest, signIn, test } from './fixtures'

/** Each field of the page's form by its label, with its `autocomplete`. */
async function autocompleteByLabel(page: Page): Promise<Record<string, string>> {
  await expect(page.locator('main form input').first()).toBeVisible()
  return page
    .locator('main form input')
    .evaluateAll((inputs) =>
      Object.fromEntries(
        inputs.map((input) => [
          (input as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '(no label)',
          input.getAttribute('autocomplete') ?? '(none)',
        ]),
      ),
    )
}

test("a password manager's autofill signs in: values set at once, no keystroke, then Enter", async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-autofill' })
  // What autofill does: the values appear whole, with input events, and no key is pressed.
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByLabel('Password', { exact: true }).fill(demoUser.password)
  await page.getByLabel('Password', { exact: true }).press('Enter')

  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  await page.getByRole('button', { name: 'Accept' }).press('Enter')
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  expect((await demoPlatform.pollHistory(request.key)).map((entry) => entry.status)).toContain('ACCEPTED')
})

test('every form tells password managers what each field holds', async ({ page }) => {
  await openNewRequest(page)
  expect(await autocompleteByLabel(page)).toEqual({ 'Username or e-mail': 'username', Password: 'current-password' })
  await signIn(page, mfaUser.username, mfaUser.password)
  await expect(page.getByLabel('Verification code')).toBeVisible()
  expect(await autocompleteByLabel(page)).toEqual({ 'Verification code': 'one-time-code' })
  await expect(page.getByLabel('Verification code')).toHaveAttribute('inputmode', 'numeric')
  await page.getByRole('button', { name: 'I lost my phone' }).click()
  // A recovery code is used once and then dead: nothing for a manager to keep or offer.
  expect(await autocompleteByLabel(page)).toEqual({ 'Recovery code': 'off' })

  await page.goto('/access/register')
  expect(await autocompleteByLabel(page)).toEqual({
    'E-mail': 'email',
    Username: 'username',
    'New password': 'new-password',
    'Confirm the new password': 'new-password',
  })
  await expect(page.getByLabel('E-mail')).toHaveAttribute('type', 'email')

  await page.goto('/access/reset-password')
  expect(await autocompleteByLabel(page)).toEqual({ 'Username or e-mail': 'username' })
  await page.goto('/access/reset-password?resetToken=some-token')
  expect(await autocompleteByLabel(page)).toEqual({
    'Username or e-mail': 'username',
    'New password': 'new-password',
    'Confirm the new password': 'new-password',
  })
  await page.goto('/access/change-password')
  expect(await autocompleteByLabel(page)).toEqual({
    'Username or e-mail': 'username',
    'Current password': 'current-password',
    'New password': 'new-password',
    'Confirm the new password': 'new-password',
  })
  await page.goto('/access/signinhub')
  expect(await autocompleteByLabel(page)).toEqual({ Username: 'username' })
})
