import type { Page } from '@playwright/test'

/** Fills the reset form of a mailed link: the login and the new password twice. */
export async function fillResetForm(page: Page, login: string, newPassword: string): Promise<void> {
  await page.getByLabel('Username or e-mail').fill(login)
  await page.getByLabel('New password', { exact: true }).fill(newPassword)
  await page.getByLabel('Confirm the new password').fill(newPassword)
}

/** Fills the change-password form: the login, the current password, the new one twice. */
export async function fillChangeForm(
  page: Page,
  login: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  await page.getByLabel('Current password').fill(currentPassword)
  await fillResetForm(page, login, newPassword)
}
