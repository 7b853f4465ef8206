import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, openNewRequest, signIn, test } from './fixtures'
import { createButton, fillRegisterForm, newAccount } from './registerForm'
import { expectNoLeak, openSessions, watchPage } from './security'
import { appUrl, platformUrl } from './urls'

/*
 * Issue 7, secrets: after each flow no password or token (personal, MFA, app,
 * reset) is in any address the tab was at or requested, a Referer, the tab's
 * storage, cookies, IndexedDB or Cache Storage on any origin of the flow, or the
 * console; the personal session is logged out; and no page runs inside another
 * site's frame.
 */

const consentTitle = 'Give access to your data?'

async function enterSmsCode(page: Page, username: string): Promise<void> {
  await page.getByLabel('Verification code').fill(await demoPlatform.lastSmsCode(username))
  await page.getByRole('button', { name: 'Verify' }).click()
}

test("auth popup, accepted (closing the popup, then returning to the app): no secret anywhere but the legacy token in the app's returnURL; signed out", async ({
  page,
}) => {
  await openNewRequest(page, { requestingAppId: 'test-secrets-close' })
  await signIn(page, demoUser.email, demoUser.password)
  await page.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  expect(await openSessions(demoUser.username)).toBe(0)

  const returnURL = `${platformUrl}/demo-app/?from=app`
  await openNewRequest(page, { requestingAppId: 'test-secrets-return', returnURL })
  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('button', { name: 'Accept' }).click()
  await page.waitForURL((url) => url.pathname === '/demo-app/')
  expect(await openSessions(demoUser.username)).toBe(0)

  const [returned] = await demoPlatform.liveAccesses(demoUser.username, 'test-secrets-return')
  expect(new URL(page.url()).searchParams.get('prYvtoken')).toBe(returned?.token)
  await expectNoLeak(page, {
    passwords: [demoUser.password],
    allowedIn: [{ secret: returned?.token ?? '', address: (url) => url.startsWith(`${platformUrl}/demo-app/`) }],
  })
})

test('auth popup with MFA, refused: no password, MFA token or personal token anywhere; signed out', async ({
  page,
}) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-secrets-mfa' })
  await signIn(page, mfaUser.username, mfaUser.password)
  await expect(page.getByLabel('Verification code')).toBeVisible()
  await enterSmsCode(page, mfaUser.username)
  await expect(page.getByRole('heading', { name: consentTitle })).toBeVisible()
  await page.getByRole('button', { name: 'Refuse' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()

  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'REFUSED' })
  expect(await openSessions(mfaUser.username)).toBe(0)
  // The flow's own tokens: one MFA token, then one personal token (the seeded account-area account has its own).
  const issued = (await demoPlatform.tokens()).filter((token) => token.username === mfaUser.username)
  expect(issued.map((token) => token.kind)).toEqual(['mfa', 'personal'])
  await expectNoLeak(page, { passwords: [mfaUser.password] })
})

test('register inside an auth request, accepted: the new password and tokens stay in memory; signed out', async ({
  page,
}) => {
  const account = newAccount('secret-keeper')
  await openNewRequest(page, { requestingAppId: 'test-secrets-register' })
  await page.getByRole('link', { name: 'Create an account' }).click()
  await fillRegisterForm(page, account)
  await createButton(page).click()
  await expect(page.getByRole('heading', { name: consentTitle })).toBeVisible()
  await page.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()

  expect(await openSessions(account.username)).toBe(0)
  await expectNoLeak(page, { passwords: [account.password] })
})

test('reset password: the mailed token leaves the address bar and the history at once, and goes nowhere else', async ({
  page,
}) => {
  const password = 'reset-secret-password-1'
  await page.goto('/access/reset-password.html')
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByRole('button', { name: 'Send the e-mail' }).click()
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible()
  const [mail] = await demoPlatform.mails()
  if (!mail) throw new Error('no reset mail')

  await page.goto(mail.url)
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
  await expect(page).not.toHaveURL(new RegExp(mail.resetToken))
  // Back from the form lands on the previous page, not on a history entry that still holds the token.
  expect(await page.evaluate(() => history.length)).toBe(3)
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByLabel('New password', { exact: true }).fill(password)
  await page.getByLabel('Confirm the new password').fill(password)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()
  await page.goBack()
  await expect(
    page
      .getByRole('heading', { name: 'Check your e-mail' })
      .or(page.getByRole('heading', { name: 'Reset your password' })),
  ).toBeVisible()
  expect(page.url()).not.toContain(mail.resetToken)

  await expectNoLeak(page, {
    passwords: [password, demoUser.password],
    // The mail's own link is the one address that carries its token.
    allowedIn: [{ secret: mail.resetToken, address: (url) => url === mail.url }],
  })
})

test('change password with MFA: old and new passwords, MFA and personal tokens stay in memory; signed out', async ({
  page,
}) => {
  const password = 'changed-secret-password-1'
  await page.goto('/access/change-password.html')
  await page.getByLabel('Username or e-mail').fill(mfaUser.username)
  await page.getByLabel('Current password').fill(mfaUser.password)
  await page.getByLabel('New password', { exact: true }).fill(password)
  await page.getByLabel('Confirm the new password').fill(password)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByLabel('Verification code')).toBeVisible()
  await enterSmsCode(page, mfaUser.username)
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()

  expect(await openSessions(mfaUser.username)).toBe(0)
  await expectNoLeak(page, { passwords: [mfaUser.password, password] })
})

test("no page runs inside another site's frame: each says why and never shows a password field", async ({ page }) => {
  const watch = await watchPage(page)
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-framed' })
  const framed = [
    request.authUrl,
    `${appUrl}/access/register.html`,
    `${appUrl}/access/reset-password.html?resetToken=framed-token`,
    `${appUrl}/access/change-password.html`,
    `${appUrl}/access/signinhub.html`,
    `${appUrl}/access/reset-password.html`,
  ]
  // Another origin on this machine: Chromium keeps public pages from framing local ones, whatever our page does.
  await page.goto(
    `${platformUrl}/_demo/framing-site?${framed.map((src) => `src=${encodeURIComponent(src)}`).join('&')}`,
  )
  await page.waitForLoadState('load')

  const frames = page.frames().filter((frame) => frame !== page.mainFrame())
  expect(frames).toHaveLength(framed.length)
  for (const frame of frames) {
    await expect(frame.getByRole('heading', { name: 'This page cannot open here' })).toBeVisible()
    await expect(frame.locator('input[type="password"]')).toHaveCount(0)
    expect(await frame.evaluate(() => window.passwordFieldPainted)).toBe(false)
  }
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'NEED_SIGNIN' })
  // Only the test's own calls (no Origin header): the framed pages sent nothing.
  expect((await demoPlatform.requests()).filter((entry) => entry.origin !== null)).toEqual([])
  expect(watch.foreignRequests).toEqual([])
})
