import type { Page } from '@playwright/test'
import { demoPlatform, type FaultRule } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'
import { createButton, fillRegisterForm, newAccount } from './registerForm'
import { countCalls, openSessions, platformCalls } from './security'
import { platformUrl } from './urls'

/*
 * Issue 7, broken networks: each fault kind of the demo platform, on every step
 * of the auth flow and on each account page. The user reads a message in
 * words, is offered a retry where it makes sense, and the platform ends in a
 * consistent state: one access, told to the app, or none.
 */

type FaultKind = Omit<FaultRule, 'path' | 'method'>

const faultKinds: Array<{ name: string; rule: FaultKind; message: string }> = [
  {
    name: '500 with a Pryv error',
    rule: { status: 500 },
    message: 'The platform had a problem. Try again in a moment.',
  },
  {
    name: '500 without one',
    rule: { status: 500, body: { oops: true } },
    message: 'The platform had a problem. Try again in a moment.',
  },
  {
    name: 'an HTML answer',
    rule: { nonJson: true },
    message: 'The platform gave an answer this page does not understand. Try again in a moment.',
  },
  // Several: Chromium sends a request again when a kept-alive connection is reset before any answer (each test clears what is left).
  {
    name: 'a reset connection',
    rule: { reset: true, times: 5 },
    message: 'The platform cannot be reached. Check your connection and try again.',
  },
]

/** The alert says `message`, and nothing of the raw answer: no JSON, HTML or stack. */
async function expectMessageInWords(page: Page, message: string): Promise<void> {
  const alert = page.getByRole('alert').filter({ hasText: message })
  await expect(alert).toBeVisible()
  const text = await alert.innerText()
  for (const raw of [
    '{',
    '<html',
    'Bad gateway',
    'Error:',
    '    at ',
    '[object',
    'undefined',
    'SyntaxError',
    'TypeError',
    'Failed to fetch',
  ])
    expect(text).not.toContain(raw)
}

/**
 * The call at `path` has just failed in the first way: each way in turn is told
 * in words (with `check` run while it shows), then "Try again" goes through.
 */
async function failEachWayThenRetry(
  page: Page,
  path: string,
  check: () => Promise<void> = async () => undefined,
): Promise<void> {
  for (const [index, { message }] of faultKinds.entries()) {
    await expectMessageInWords(page, message)
    await check()
    const next = faultKinds[index + 1]
    await demoPlatform.faults(next ? [{ method: 'POST', path, ...next.rule }] : [])
    await page.getByRole('button', { name: 'Try again' }).click()
  }
}

const batchPath = `^/${demoUser.username}/$`

test('auth popup: loading the request fails in each way, says why and loads on retry', async ({ page }) => {
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-fault-load' })
  for (const { rule, message } of faultKinds) {
    await demoPlatform.faults([{ method: 'GET', path: `^/reg/access/${request.key}$`, ...rule }])
    await page.goto(request.authUrl)
    await expect(page.getByRole('heading', { name: 'The request could not be loaded' })).toBeVisible()
    await expectMessageInWords(page, message)
    await demoPlatform.faults([])
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  }
  // The platform down when the page opens (connections refused): the page itself is still there to say so.
  const platformDown = (url: URL) => url.origin === platformUrl
  await page.route(platformDown, (route) => route.abort('connectionrefused'))
  await page.goto(request.authUrl)
  await expectMessageInWords(page, 'The platform cannot be reached.')
  await page.getByRole('button', { name: 'Try again' }).click()
  await expectMessageInWords(page, 'The platform cannot be reached.')
  await page.unroute(platformDown)
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
})

test('auth popup: sign-in and check-app fail in each way; signing in again and "Try again" go on, one session', async ({
  page,
}) => {
  await openNewRequest(page, { requestingAppId: 'test-fault-signin' })
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  for (const { rule, message } of faultKinds) {
    await demoPlatform.faults([{ method: 'POST', path: '/auth/login$', ...rule }])
    await signIn(page, demoUser.username, demoUser.password)
    await expectMessageInWords(page, message)
  }
  await demoPlatform.faults([{ method: 'POST', path: batchPath, ...faultKinds[0]?.rule }])
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'Checking the request…' })).toBeVisible()
  await failEachWayThenRetry(page, batchPath)
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  expect(await openSessions(demoUser.username)).toBe(1)
})

test('auth popup: creating the access fails in each way; "Try again" creates one access and tells the app once', async ({
  page,
}) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-fault-accept' })
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  await demoPlatform.faults([{ method: 'POST', path: batchPath, ...faultKinds[0]?.rule }])
  await page.getByRole('button', { name: 'Accept' }).click()
  await failEachWayThenRetry(page, batchPath, async () => {
    expect(await demoPlatform.liveAccesses(demoUser.username, 'test-fault-accept')).toEqual([])
  })
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  const accesses = await demoPlatform.liveAccesses(demoUser.username, 'test-fault-accept')
  expect(accesses).toHaveLength(1)
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', token: accesses[0]?.token })
  expect(countCalls(await platformCalls(), `POST /reg/access/${request.key}`)).toBe(1)
  expect(await openSessions(demoUser.username)).toBe(0)
})

test('auth popup: telling the app fails in each way; only "Try again" is offered and it never creates a second access', async ({
  page,
}) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-fault-notify' })
  const notifyPath = `^/reg/access/${request.key}$`
  await signIn(page, demoUser.username, demoUser.password)
  await demoPlatform.faults([{ method: 'POST', path: notifyPath, ...faultKinds[0]?.rule }])
  await page.getByRole('button', { name: 'Accept' }).click()
  await failEachWayThenRetry(page, notifyPath, async () => {
    await expect(page.getByText('The access was created, but the app could not be told yet.')).toBeVisible()
    // No way to leave the access behind untold: neither Accept nor Refuse is offered now.
    await expect(page.getByRole('button', { name: 'Refuse' })).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Accept' })).toHaveCount(0)
    expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'NEED_SIGNIN' })
  })
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  const accesses = await demoPlatform.liveAccesses(demoUser.username, 'test-fault-notify')
  expect(accesses).toHaveLength(1)
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', token: accesses[0]?.token })
  expect(countCalls(await platformCalls(), /accesses\.create|^POST \/demo-user\/$/)).toBeGreaterThan(0)
  expect(await openSessions(demoUser.username)).toBe(0)
})

test('auth popup: when the app can never be told (its request is gone), the new access is withdrawn and the user told', async ({
  page,
}) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-fault-gone' })
  await signIn(page, demoUser.username, demoUser.password)
  await demoPlatform.faults([
    {
      method: 'POST',
      path: `^/reg/access/${request.key}$`,
      status: 400,
      body: { error: { id: 'unknown-access-key', message: 'Unknown key' } },
    },
  ])
  await page.getByRole('button', { name: 'Accept' }).click()

  await expect(page.getByRole('heading', { name: 'Answer not delivered' })).toBeVisible()
  await expect(page.getByText('so no access was given. Start again from the app.')).toBeVisible()
  const user = await demoPlatform.user(demoUser.username)
  const created = user.accesses.filter((access) => access.name === 'test-fault-gone')
  expect(created).toHaveLength(1)
  expect(created[0]?.deleted).toBeTruthy()
  expect(user.openSessions).toBe(0)
})

test('auth popup: seconds of latency on every call still end in one access, told to the app', async ({ page }) => {
  await demoPlatform.faults([], 700)
  const request = await openNewRequest(page, { requestingAppId: 'test-fault-slow' })
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeDisabled()
  await page.getByRole('button', { name: 'Accept' }).click({ timeout: 10_000 })
  await expect(page.getByRole('button', { name: 'Accept' })).toBeDisabled()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible({ timeout: 15_000 })
  await demoPlatform.faults([])
  expect(await demoPlatform.liveAccesses(demoUser.username, 'test-fault-slow')).toHaveLength(1)
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED' })
})

test("account pages: a fault on each page's call is told in words and a new attempt succeeds once", async ({
  page,
}) => {
  const [serverError, , htmlAnswer, resetConnection] = faultKinds
  if (!serverError || !htmlAnswer || !resetConnection) throw new Error('fault kinds')

  // Register: the platform down when the page opens, then the creation failing.
  await demoPlatform.faults([{ method: 'GET', path: '^/reg/service/info$', ...resetConnection.rule }])
  await page.goto('/access/register.html')
  await fillRegisterForm(page, newAccount('fault-person'))
  await expectMessageInWords(page, resetConnection.message)
  await demoPlatform.faults([{ method: 'POST', path: '^/reg/users$', ...htmlAnswer.rule }])
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
  await createButton(page).click()
  await expectMessageInWords(page, htmlAnswer.message)
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { name: 'Your account is ready' })).toBeVisible()
  expect((await demoPlatform.usernames()).filter((name) => name === 'fault-person')).toHaveLength(1)

  // Reset request: a reset connection on the existence check.
  await demoPlatform.faults([{ method: 'POST', path: `^/reg/${demoUser.username}/server$`, ...resetConnection.rule }])
  await page.goto('/access/reset-password.html')
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByRole('button', { name: 'Send the e-mail' }).click()
  await expectMessageInWords(page, resetConnection.message)
  await demoPlatform.faults([])
  await page.getByRole('button', { name: 'Send the e-mail' }).click()
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible()
  expect(await demoPlatform.mails()).toHaveLength(1)

  // Reset with the mailed token: an HTML answer.
  const [mail] = await demoPlatform.mails()
  await page.goto(mail?.url ?? '')
  await demoPlatform.faults([{ method: 'POST', path: '/account/reset-password$', ...htmlAnswer.rule }])
  const resetTo = 'fault-reset-password-1'
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByLabel('New password', { exact: true }).fill(resetTo)
  await page.getByLabel('Confirm the new password').fill(resetTo)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expectMessageInWords(page, htmlAnswer.message)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()
  expect(await demoPlatform.passwordWorks(demoUser.username, resetTo)).toBe(true)

  // Change password: the change itself failing with a 500; the session is closed anyway.
  const changedTo = 'fault-changed-password-1'
  await page.goto('/access/change-password.html')
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByLabel('Current password').fill(resetTo)
  await page.getByLabel('New password', { exact: true }).fill(changedTo)
  await page.getByLabel('Confirm the new password').fill(changedTo)
  await demoPlatform.faults([{ method: 'POST', path: batchPath, ...serverError.rule }])
  await page.getByRole('button', { name: 'Change password' }).click()
  await expectMessageInWords(page, serverError.message)
  expect(await openSessions(demoUser.username)).toBe(0)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()
  expect(await openSessions(demoUser.username)).toBe(0)
  expect(await demoPlatform.passwordWorks(demoUser.username, changedTo)).toBe(true)

  // Sign-in hub: a 500 without a Pryv error on the username lookup.
  await demoPlatform.faults([{ method: 'POST', path: '/server$', status: 500, body: 'oops' }])
  await page.goto('/access/signinhub.html')
  await page.getByLabel('Username').fill(demoUser.username)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expectMessageInWords(page, serverError.message)
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { name: `Home of ${demoUser.username}` })).toBeVisible()
})
