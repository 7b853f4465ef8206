import { demoPlatform } from './demoPlatform'
import { expect, mfaUser, openNewRequest, signIn, test } from './fixtures'

test('an MFA account signs in with the code sent by SMS, after asking for a new one', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-mfa' })
  await signIn(page, mfaUser.username, mfaUser.password)

  const codeField = page.getByLabel('Verification code')
  await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code')
  expect(await demoPlatform.smsCount(mfaUser.username)).toBe(1)
  await page.getByRole('button', { name: 'Send a new code' }).click()
  await expect(page.getByText('A new code has been sent.')).toBeVisible()
  expect(await demoPlatform.smsCount(mfaUser.username)).toBe(2)

  await codeField.fill(await demoPlatform.lastSmsCode(mfaUser.username))
  await page.getByRole('button', { name: 'Verify' }).click()
  await page.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', username: mfaUser.username })
})

test('a wrong MFA code is explained and the right one still works', async ({ page }) => {
  await openNewRequest(page, { requestingAppId: 'test-mfa-wrong' })
  await signIn(page, mfaUser.username, mfaUser.password)
  // The SMS is sent by the login itself: read it once the page shows the code step.
  await expect(page.getByLabel('Verification code')).toBeVisible()
  const code = await demoPlatform.lastSmsCode(mfaUser.username)

  await page.getByLabel('Verification code').fill(code === '000000' ? '111111' : '000000')
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByRole('alert')).toContainText('This code is not valid.')

  await page.getByLabel('Verification code').fill(code)
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
})

test('a lost phone: the recovery code switches MFA off and completes the sign-in', async ({ page }) => {
  await openNewRequest(page, { requestingAppId: 'test-mfa-recover' })
  await signIn(page, mfaUser.username, mfaUser.password)
  await page.getByRole('button', { name: 'I lost my phone' }).click()

  await expect(page.getByText('Using a recovery code switches two-factor authentication off')).toBeVisible()
  await page.getByLabel('Recovery code').fill('mfa-recovery-03')
  await page.getByRole('button', { name: 'Use recovery code' }).click()

  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  await expect(page.getByText('Two-factor authentication is now switched off for your account.')).toBeVisible()
  expect((await demoPlatform.user(mfaUser.username)).mfa).toBe(false)
})

test('cancelling at the MFA step refuses the request', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-mfa-cancel' })
  await signIn(page, mfaUser.username, mfaUser.password)
  await page.getByRole('button', { name: 'Cancel' }).click()

  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'REFUSED' })
})
