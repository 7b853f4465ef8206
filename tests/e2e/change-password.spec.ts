import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, test } from './fixtures'

const newPassword = 'changed-password-1'

async function changePassword(page: Page, login: string, current: string, next: string): Promise<void> {
  await page.getByLabel('Username or e-mail').fill(login)
  await page.getByLabel('Current password').fill(current)
  await page.getByLabel('New password', { exact: true }).fill(next)
  await page.getByLabel('Confirm the new password').fill(next)
  await page.getByRole('button', { name: 'Change password' }).click()
}

test('changing the password: the new one signs in, the old one no longer, and the session is closed', async ({
  page,
}) => {
  await page.goto('/access/change-password.html')
  await changePassword(page, demoUser.email, demoUser.password, newPassword)

  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeFocused()
  expect((await demoPlatform.user(demoUser.username)).openSessions).toBe(0)
  expect(await demoPlatform.passwordWorks(demoUser.username, newPassword)).toBe(true)
  expect(await demoPlatform.passwordWorks(demoUser.username, demoUser.password)).toBe(false)
})

test('a wrong current password is refused at sign-in and changes nothing', async ({ page }) => {
  await page.goto('/access/change-password')
  await changePassword(page, demoUser.username, 'wrong-password-1', newPassword)

  await expect(page.getByRole('alert')).toContainText('The username, e-mail or password is incorrect.')
  expect(await demoPlatform.passwordWorks(demoUser.username, demoUser.password)).toBe(true)
})

test('an MFA account changes its password with the code sent by SMS', async ({ page }) => {
  await page.goto('/access/change-password')
  await changePassword(page, mfaUser.username, mfaUser.password, newPassword)

  const codeField = page.getByLabel('Verification code')
  await expect(codeField).toBeVisible()
  await codeField.fill(await demoPlatform.lastSmsCode(mfaUser.username))
  await page.getByRole('button', { name: 'Verify' }).click()

  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()
  expect((await demoPlatform.user(mfaUser.username)).openSessions).toBe(0)
  expect(await demoPlatform.passwordWorks(mfaUser.username, newPassword)).toBe(true)
  expect(await demoPlatform.passwordWorks(mfaUser.username, mfaUser.password)).toBe(false)
})

test('a new password the platform refuses shows its rule beside the field, and the session is still closed', async ({
  page,
}) => {
  await page.goto('/access/change-password')
  await changePassword(page, demoUser.username, demoUser.password, 'abc')

  const field = page.getByLabel('New password', { exact: true })
  await expect(field).toHaveAccessibleDescription('The password must be between 6 and 100 characters long.')
  await expect(field).toBeFocused()
  expect((await demoPlatform.user(demoUser.username)).openSessions).toBe(0)
  expect(await demoPlatform.passwordWorks(demoUser.username, demoUser.password)).toBe(true)

  // Fixing the new password alone is enough: the rest of the form was kept.
  await field.fill(newPassword)
  await page.getByLabel('Confirm the new password').fill(newPassword)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()
  expect(await demoPlatform.passwordWorks(demoUser.username, newPassword)).toBe(true)
})

test('a submit with empty fields names what is missing and focuses the first one', async ({ page }) => {
  await page.goto('/access/change-password')
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByRole('button', { name: 'Change password' }).click()

  await expect(page.getByLabel('Current password')).toBeFocused()
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription('Enter your current password.')
  expect((await demoPlatform.requests()).filter((request) => request.path.endsWith('/auth/login'))).toEqual([])
})
