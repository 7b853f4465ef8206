import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, signIn, test } from './fixtures'
import { oauthRecords, startOAuthFlow } from './oauthFlow'
import { platformUrl } from './urls'

test('an MFA account: the login hint is pre-filled, the SMS code completes the sign-in, then the accept', async ({
  page,
}) => {
  await startOAuthFlow(page, 'demo-health-study cmc:share', mfaUser.username)
  await expect(page.getByLabel('Username or e-mail')).toHaveValue(mfaUser.username)
  await page.getByLabel('Password', { exact: true }).fill(mfaUser.password)
  await page.getByRole('button', { name: 'Sign in' }).click()

  const codeField = page.getByLabel('Verification code')
  await expect(codeField).toBeVisible()
  await page.getByRole('button', { name: 'Send a new code' }).click()
  await expect(page.getByText('A new code has been sent.')).toBeVisible()
  expect(await demoPlatform.smsCount(mfaUser.username)).toBe(2)
  await codeField.fill(await demoPlatform.lastSmsCode(mfaUser.username))
  await page.getByRole('button', { name: 'Verify' }).click()

  await expect(page.getByText(`Signed in as ${mfaUser.username}.`)).toBeVisible()
  await page.getByRole('button', { name: 'Accept' }).click()
  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback`)
  await expect(page.getByText('Token received.')).toBeVisible()
  expect((await oauthRecords()).decisions).toEqual([
    expect.objectContaining({ kind: 'accept', username: mfaUser.username }),
  ])
  expect((await demoPlatform.user(mfaUser.username)).openSessions).toBe(0)
})

test('signing in with the e-mail address accepts for the account it belongs to', async ({ page }) => {
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await signIn(page, demoUser.email, demoUser.password)
  await expect(page.getByText(`Signed in as ${demoUser.username}.`)).toBeVisible()
  await page.getByRole('button', { name: 'Accept' }).click()

  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback`)
  await expect(page.getByText('Token received.')).toBeVisible()
  expect((await oauthRecords()).decisions).toEqual([
    expect.objectContaining({ kind: 'accept', clientId: 'demo-health-study', username: demoUser.username }),
  ])
})
