import type { Locator, Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, openNewRequest, signIn, test } from './fixtures'
import { fillChangeForm, fillResetForm } from './passwordForms'
import { createButton, fillRegisterForm, newAccount } from './registerForm'

// After a failed submit the focus is on the field to fix, which names the error in its description;
// the error is in a live region, so it is announced where the focus is not.
async function expectFieldTiedToAlert(page: Page, field: Locator, message: string): Promise<void> {
  await expect(page.getByRole('alert')).toContainText(message)
  await expect(page.getByRole('alert')).toHaveAttribute('aria-live', 'assertive')
  await expect(field).toBeFocused()
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.?]/g, '\\$&')))
}

test('sign-in: a wrong password focuses the password field, which names the error', async ({ page }) => {
  await openNewRequest(page)
  await signIn(page, demoUser.username, 'wrong-password-1')
  const password = page.getByLabel('Password', { exact: true })
  await expectFieldTiedToAlert(page, password, 'The username, e-mail or password is incorrect.')

  // With the right password the next answer is the consent, whose heading takes the focus.
  await password.fill(demoUser.password)
  await password.press('Enter')
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeFocused()
})

test('sign-in: after a platform failure the focus is back on the button pressed', async ({ page }) => {
  await openNewRequest(page)
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByLabel('Password', { exact: true }).fill(demoUser.password)
  await demoPlatform.faults([{ method: 'POST', path: '/auth/login$', status: 503 }])
  const submit = page.getByRole('button', { name: 'Sign in' })
  await submit.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('The platform had a problem.')
  await expect(submit).toBeFocused()
  await expect(page.getByLabel('Password', { exact: true })).not.toHaveAttribute('aria-invalid', 'true')
})

test('MFA: a wrong code focuses the code field; the recovery step and back move the focus to each heading', async ({
  page,
}) => {
  await openNewRequest(page)
  await signIn(page, mfaUser.username, mfaUser.password)
  await expect(page.getByRole('heading', { name: 'Enter your verification code' })).toBeFocused()
  await page.getByLabel('Verification code').fill('000000')
  await page.getByLabel('Verification code').press('Enter')
  await expectFieldTiedToAlert(page, page.getByLabel('Verification code'), 'This code is not valid.')

  await page.getByRole('button', { name: 'I lost my phone' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in with a recovery code' })).toBeFocused()
  await page.getByLabel('Recovery code').fill('not-a-recovery-code')
  await page.getByLabel('Recovery code').press('Enter')
  await expectFieldTiedToAlert(page, page.getByLabel('Recovery code'), 'This recovery code is not valid.')

  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByRole('heading', { name: 'Enter your verification code' })).toBeFocused()
})

test('sign-in hub and reset request: the login field takes the focus and names the problem', async ({ page }) => {
  await page.goto('/access/signinhub')
  await page.getByLabel('Username').fill('nobody-here')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expectFieldTiedToAlert(page, page.getByLabel('Username'), 'No account has this username on this platform.')

  await page.goto('/access/reset-password')
  await page.getByRole('button', { name: 'Send the e-mail' }).click()
  const login = page.getByLabel('Username or e-mail')
  await expect(login).toBeFocused()
  await expect(login).toHaveAccessibleDescription('Enter your username or e-mail.')
})

test('reset with an invalid token: the login field takes the focus and names the error', async ({ page }) => {
  await page.goto('/access/reset-password.html?resetToken=not-a-real-token')
  await fillResetForm(page, demoUser.username, 'focus-password-1')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expectFieldTiedToAlert(page, page.getByLabel('Username or e-mail'), 'This reset link is invalid or has expired')
})

test('change password: a wrong current password focuses that field and names the error', async ({ page }) => {
  await page.goto('/access/change-password')
  await fillChangeForm(page, demoUser.username, 'wrong-password-1', 'focus-password-1')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expectFieldTiedToAlert(
    page,
    page.getByLabel('Current password'),
    'The username, e-mail or password is incorrect.',
  )
})

test('register: a platform failure with no field to fix gives the focus back to the button', async ({ page }) => {
  await page.goto('/access/register')
  await fillRegisterForm(page, newAccount('focus-person'))
  await demoPlatform.faults([{ method: 'POST', path: '^/reg/users$', status: 500 }])
  await createButton(page).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('The platform had a problem.')
  await expect(createButton(page)).toBeFocused()
})
