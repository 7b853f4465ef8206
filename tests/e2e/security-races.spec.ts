import type { Locator, Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, openNewRequest, signIn, test } from './fixtures'
import { createButton, fillRegisterForm, newAccount } from './registerForm'
import { countCalls, openSessions, platformCalls, recordApiMethods } from './security'
import { platformUrl } from './urls'
import { clickTwiceAtOnce } from './clicks'

/*
 * Issue 7, double submits and races: a double click (two events) or two clicks
 * in one task (before the page can redraw) on any button that calls the platform
 * (sign-in, MFA code and resend, recovery code, consent, account pages) make one
 * platform action, counted in the platform's request log; Back and
 * Forward never resubmit; a second tab on the same request sees it answered.
 */

const consentTitle = 'Give access to your data?'

async function toConsent(page: Page, requestingAppId: string) {
  const request = await openNewRequest(page, { requestingAppId })
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: consentTitle })).toBeVisible()
  return request
}

test('auth popup: a double click or two clicks at once on Accept or Refuse answer once', async ({ page }) => {
  // Slow answers keep the first click's request open while the second comes.
  await demoPlatform.faults([], 200)
  const answers = [
    { appId: 'test-double-accept', button: 'Accept', twoClicks: (button: Locator) => button.dblclick() },
    { appId: 'test-twice-accept', button: 'Accept', twoClicks: clickTwiceAtOnce },
    { appId: 'test-double-refuse', button: 'Refuse', twoClicks: (button: Locator) => button.dblclick() },
    { appId: 'test-twice-refuse', button: 'Refuse', twoClicks: clickTwiceAtOnce },
  ]
  const requests = []
  for (const { appId, button, twoClicks } of answers) {
    requests.push(await toConsent(page, appId))
    await twoClicks(page.getByRole('button', { name: button }))
    await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  }
  await demoPlatform.faults([])

  const calls = await platformCalls()
  for (const [index, request] of requests.entries()) {
    const accepting = answers[index]?.button === 'Accept'
    expect(countCalls(calls, `POST /reg/access/${request.key}`)).toBe(1)
    expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: accepting ? 'ACCEPTED' : 'REFUSED' })
    expect(await demoPlatform.liveAccesses(demoUser.username, answers[index]?.appId ?? '')).toHaveLength(
      accepting ? 1 : 0,
    )
  }
  expect(await openSessions(demoUser.username)).toBe(0)
})

test('auth popup: a double click or two clicks at once on Sign in sign in once', async ({ page }) => {
  const apiMethods = recordApiMethods(page)
  await demoPlatform.faults([], 200)
  for (const twoClicks of [(button: Locator) => button.dblclick(), clickTwiceAtOnce]) {
    await openNewRequest(page, { requestingAppId: 'test-twice-sign-in' })
    await page.getByLabel('Username or e-mail').fill(demoUser.username)
    await page.getByLabel('Password', { exact: true }).fill(demoUser.password)
    await twoClicks(page.getByRole('button', { name: 'Sign in' }))
    await expect(page.getByRole('heading', { name: consentTitle })).toBeVisible()
    expect(await openSessions(demoUser.username)).toBe(1)
    await page.getByRole('button', { name: 'Refuse' }).click()
    await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  }
  await demoPlatform.faults([])

  expect(countCalls(await platformCalls(), `POST /${demoUser.username}/auth/login`)).toBe(2)
  expect(apiMethods.filter((method) => method === 'accesses.checkApp')).toHaveLength(2)
  expect(await openSessions(demoUser.username)).toBe(0)
})

test('auth popup with MFA: two clicks at once on Verify verify once', async ({ page }) => {
  await demoPlatform.faults([], 200)
  await openNewRequest(page, { requestingAppId: 'test-twice-verify' })
  await signIn(page, mfaUser.username, mfaUser.password)
  await expect(page.getByLabel('Verification code')).toBeVisible()
  await page.getByLabel('Verification code').fill(await demoPlatform.lastSmsCode(mfaUser.username))
  await clickTwiceAtOnce(page.getByRole('button', { name: 'Verify' }))
  await expect(page.getByRole('heading', { name: consentTitle })).toBeVisible()
  await demoPlatform.faults([])

  expect(countCalls(await platformCalls(), `POST /${mfaUser.username}/mfa/verify`)).toBe(1)
  expect(await openSessions(mfaUser.username)).toBe(1)
})

test('auth popup with MFA: two clicks at once on Send a new code send one code', async ({ page }) => {
  await demoPlatform.faults([], 200)
  await openNewRequest(page, { requestingAppId: 'test-twice-resend' })
  await signIn(page, mfaUser.username, mfaUser.password)
  await expect(page.getByLabel('Verification code')).toBeVisible()
  await clickTwiceAtOnce(page.getByRole('button', { name: 'Send a new code' }))
  await expect(page.getByText('A new code has been sent.')).toBeVisible()
  await demoPlatform.faults([])

  expect(countCalls(await platformCalls(), `POST /${mfaUser.username}/mfa/challenge`)).toBe(1)
  expect(await demoPlatform.smsCount(mfaUser.username)).toBe(2)
})

test('auth popup with MFA: two clicks at once on Use recovery code recover and sign in once', async ({ page }) => {
  await demoPlatform.faults([], 200)
  await openNewRequest(page, { requestingAppId: 'test-twice-recovery' })
  await signIn(page, mfaUser.username, mfaUser.password)
  await page.getByRole('button', { name: 'I lost my phone' }).click()
  await page.getByLabel('Recovery code').fill('mfa-recovery-03')
  await clickTwiceAtOnce(page.getByRole('button', { name: 'Use recovery code' }))
  await expect(page.getByRole('heading', { name: consentTitle })).toBeVisible()
  await demoPlatform.faults([])

  const calls = await platformCalls()
  expect(countCalls(calls, `POST /${mfaUser.username}/mfa/recover`)).toBe(1)
  // The first sign-in asked for the code; the one after the recovery opened the session.
  expect(countCalls(calls, `POST /${mfaUser.username}/auth/login`)).toBe(2)
  expect(await openSessions(mfaUser.username)).toBe(1)
})

test('account pages: a double click on each submit makes one platform action', async ({ page }) => {
  const apiMethods = recordApiMethods(page)
  await demoPlatform.faults([], 200)

  await page.goto('/access/register.html')
  await fillRegisterForm(page, newAccount('double-clicker'))
  await createButton(page).dblclick()
  await expect(page.getByRole('heading', { name: 'Your account is ready' })).toBeVisible()

  await page.goto('/access/reset-password.html')
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByRole('button', { name: 'Send the e-mail' }).dblclick()
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible()

  const [mail] = await demoPlatform.mails()
  await page.goto(mail?.url ?? '')
  const resetTo = 'double-reset-password-1'
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByLabel('New password', { exact: true }).fill(resetTo)
  await page.getByLabel('Confirm the new password').fill(resetTo)
  await clickTwiceAtOnce(page.getByRole('button', { name: 'Change password' }))
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()

  await page.goto('/access/change-password.html')
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByLabel('Current password').fill(resetTo)
  await page.getByLabel('New password', { exact: true }).fill('double-changed-password-1')
  await page.getByLabel('Confirm the new password').fill('double-changed-password-1')
  await page.getByRole('button', { name: 'Change password' }).dblclick()
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()

  await page.goto('/access/signinhub.html')
  await page.getByLabel('Username').fill(demoUser.username)
  await clickTwiceAtOnce(page.getByRole('button', { name: 'Continue' }))
  await page.waitForURL(`${platformUrl}/${demoUser.username}/`)
  await demoPlatform.faults([])

  const calls = await platformCalls()
  expect(countCalls(calls, 'POST /reg/users')).toBe(1)
  expect(await demoPlatform.mails()).toHaveLength(1)
  expect(countCalls(calls, `POST /${demoUser.username}/account/reset-password`)).toBe(1)
  expect(apiMethods.filter((method) => method === 'account.changePassword')).toHaveLength(1)
  expect(countCalls(calls, `GET /${demoUser.username}/`)).toBe(1)
  expect(await openSessions(demoUser.username)).toBe(0)
})

test('Back and Forward after answering never answer again nor create a second access or account', async ({ page }) => {
  const returnURL = `${platformUrl}/demo-app/?from=app`
  const request = await openNewRequest(page, { requestingAppId: 'test-back-forward', returnURL })
  await page.getByRole('link', { name: 'Create an account' }).click()
  await fillRegisterForm(page, newAccount('back-and-forth'))
  await createButton(page).click()
  await expect(page.getByRole('heading', { name: consentTitle })).toBeVisible()
  await page.getByRole('button', { name: 'Accept' }).click()
  await page.waitForURL((url) => url.pathname === '/demo-app/')

  await page.goBack()
  await expect(page.getByRole('heading', { name: 'Request already accepted' })).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  await page.goBack()
  await expect(page.getByRole('heading', { name: 'Request already accepted' })).toBeVisible()
  await page.goForward()
  await page.goForward()
  await page.waitForURL((url) => url.pathname === '/demo-app/')

  const calls = await platformCalls()
  expect(countCalls(calls, 'POST /reg/users')).toBe(1)
  expect(countCalls(calls, `POST /reg/access/${request.key}`)).toBe(1)
  expect(await demoPlatform.liveAccesses('back-and-forth', 'test-back-forward')).toHaveLength(1)
  expect(await openSessions('back-and-forth')).toBe(0)
})

test('two tabs on one request: the second to act sees it answered and is not offered to act again', async ({
  page,
  context,
}) => {
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-two-tabs' })
  const other = await context.newPage()
  for (const tab of [page, other]) {
    await tab.goto(request.authUrl)
    await signIn(tab, demoUser.username, demoUser.password)
    await expect(tab.getByRole('heading', { name: consentTitle })).toBeVisible()
  }
  await page.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  await other.getByRole('button', { name: 'Refuse' }).click()
  await expect(other.getByRole('heading', { name: 'Request already accepted' })).toBeVisible()
  await expect(other.getByRole('button', { name: 'Accept' })).toHaveCount(0)
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED' })
  expect(await demoPlatform.liveAccesses(demoUser.username, 'test-two-tabs')).toHaveLength(1)
  expect(await openSessions(demoUser.username)).toBe(0)
  await other.close()
})

test('two tabs: a refusal in one is never overturned by the other answering at once with an access the app already holds', async ({
  page,
  context,
}) => {
  await demoPlatform.seedAccess(demoUser.username, {
    name: 'test-two-tabs-matching',
    permissions: [{ streamId: 'diary', level: 'read' }],
  })
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-two-tabs-matching' })
  const other = await context.newPage()
  await other.goto(request.authUrl)
  await expect(other.getByLabel('Password', { exact: true })).toBeEditable()
  await page.goto(request.authUrl)
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()

  await signIn(other, demoUser.username, demoUser.password)
  await expect(other.getByRole('heading', { name: 'Request already answered' })).toBeVisible()
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'REFUSED' })
  expect(countCalls(await platformCalls(), `POST /reg/access/${request.key}`)).toBe(1)
  expect(await openSessions(demoUser.username)).toBe(0)
  await other.close()
})
