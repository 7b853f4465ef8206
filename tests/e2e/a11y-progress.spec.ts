import type { Locator, Page } from '@playwright/test'
import { demoPlatform, type FaultRule } from './demoPlatform'
import { demoUser, expect, mfaUser, openNewRequest, signIn, test } from './fixtures'
import { fillChangeForm, fillResetForm } from './passwordForms'
import { createButton, fillRegisterForm, newAccount } from './registerForm'

// Every control that starts a request shows it is working while the platform is slow, and neither it
// nor the controls beside it move: not when it turns busy, not when the answer (an error) appears.
test.describe.configure({ timeout: 60_000 })

// Long enough that a loaded machine still measures the controls while the request runs.
const slow = 2500

type Box = { x: number; y: number; width: number; height: number } | null

/** Where each control is; null once it is gone (the next step replaced it, so it cannot move under the pointer). */
async function boxesOf(targets: Locator[]): Promise<Box[]> {
  return Promise.all(targets.map(async (target) => ((await target.count()) === 0 ? null : target.boundingBox())))
}

/** Slows `rule`, presses `button` with the pointer, checks its progress and that nothing moved; returns once it is done. */
async function expectProgressInPlace(page: Page, button: Locator, besides: Locator[], rule: FaultRule): Promise<void> {
  const targets = [button, ...besides]
  await demoPlatform.faults([{ ...rule, delayMs: slow }])
  // Boxes are measured in the viewport: scrolled first, as the click would.
  await button.scrollIntoViewIfNeeded()
  const before = await boxesOf(targets)
  await button.click()
  await expect(button).toHaveAttribute('aria-busy', 'true')
  await expect(button.locator('.spinner')).toBeVisible()
  await expect(button).toBeDisabled()
  expect(await boxesOf(targets), 'controls moved when the request started').toEqual(before)
  await expect(button.and(page.locator('[aria-busy="true"]'))).toHaveCount(0, { timeout: slow + 7_000 })
  const after = await boxesOf(targets)
  expect(
    after.map((box, index) => box ?? before[index]),
    'controls moved when the answer came',
  ).toEqual(before)
}

async function fillSignIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Username or e-mail').fill(login)
  await page.getByLabel('Password', { exact: true }).fill(password)
}

test('auth popup: sign in, cancel, MFA verify and resend, accept, refuse', async ({ page }) => {
  await openNewRequest(page)
  const cancel = page.getByRole('button', { name: 'Cancel' })
  await fillSignIn(page, demoUser.username, 'wrong-password-1')
  await expectProgressInPlace(page, page.getByRole('button', { name: 'Sign in' }), [cancel], {
    method: 'POST',
    path: '/auth/login$',
  })
  await expect(page.getByRole('alert')).toContainText('incorrect')

  await expectProgressInPlace(page, cancel, [page.getByRole('button', { name: 'Sign in' })], {
    method: 'POST',
    path: '^/reg/access/',
  })
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()

  await openNewRequest(page)
  await signIn(page, mfaUser.username, mfaUser.password)
  const verify = page.getByRole('button', { name: 'Verify' })
  const resend = page.getByRole('button', { name: 'Send a new code' })
  await page.getByLabel('Verification code').fill('000000')
  await expectProgressInPlace(page, verify, [resend], { method: 'POST', path: '/mfa/verify$' })
  await expect(page.getByRole('alert')).toContainText('This code is not valid.')
  await expectProgressInPlace(page, resend, [verify], { method: 'POST', path: '/mfa/challenge$' })
  await expect(verify).not.toHaveAttribute('aria-busy', 'true')
  await expect(page.getByRole('status').filter({ hasText: 'A new code has been sent.' })).toBeVisible()

  await page.getByLabel('Verification code').fill(await demoPlatform.lastSmsCode(mfaUser.username))
  await verify.click()
  const accept = page.getByRole('button', { name: 'Accept' })
  const refuse = page.getByRole('button', { name: 'Refuse' })
  await expect(accept).toBeEnabled()
  await expectProgressInPlace(page, accept, [refuse], { method: 'POST', path: '^/reg/access/' })
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()

  await openNewRequest(page, { requestingAppId: 'test-progress-refuse' })
  await signIn(page, demoUser.username, demoUser.password)
  await expect(refuse).toBeEnabled()
  await expectProgressInPlace(page, refuse, [accept], { method: 'POST', path: '^/reg/access/' })
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
})

test('a request that failed to load: "Try again" shows its progress', async ({ page }) => {
  const request = await demoPlatform.createAuthRequest()
  await demoPlatform.faults([{ method: 'GET', path: '^/reg/access/', status: 503, times: 5 }])
  await page.goto(request.authUrl)
  await expect(page.getByRole('heading', { name: 'The request could not be loaded' })).toBeVisible()
  await expectProgressInPlace(page, page.getByRole('button', { name: 'Try again' }), [], {
    method: 'GET',
    path: '^/reg/access/',
  })
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible()
})

test('register: create, then "Try again" after a platform failure', async ({ page }) => {
  await page.goto('/access/register')
  await fillRegisterForm(page, newAccount('progress-person'))
  // The availability line comes as the person types; it must be in place before the boxes are measured.
  await expect(page.getByRole('status').filter({ hasText: '“progress-person” is available.' })).toBeVisible()
  await expectProgressInPlace(page, createButton(page), [], { method: 'POST', path: '^/reg/users$', status: 500 })
  await expect(page.getByRole('alert')).toContainText('The platform had a problem.')
  await page.route('**/progress-person/', (route) => route.fulfill({ status: 204 }))
  await expectProgressInPlace(page, page.getByRole('button', { name: 'Try again' }), [], {
    method: 'POST',
    path: '^/reg/users$',
  })
  await expect(page.getByRole('heading', { name: 'Your account is ready' })).toBeVisible()
})

test('reset request, reset with a token, change password, sign-in hub', async ({ page }) => {
  await page.goto('/access/reset-password')
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await expectProgressInPlace(
    page,
    page.getByRole('button', { name: 'Send the e-mail' }),
    [page.getByRole('link', { name: 'Back to sign-in' })],
    { method: 'POST', path: '/request-password-reset$' },
  )
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible()

  await page.goto('/access/reset-password?resetToken=not-a-real-token')
  await fillResetForm(page, demoUser.username, 'progress-password-1')
  await expectProgressInPlace(page, page.getByRole('button', { name: 'Change password' }), [], {
    method: 'POST',
    path: '/reset-password$',
  })
  await expect(page.getByRole('alert')).toContainText('This reset link is invalid')

  await page.goto('/access/change-password')
  await fillChangeForm(page, demoUser.username, 'wrong-password-1', 'progress-password-1')
  await expectProgressInPlace(page, page.getByRole('button', { name: 'Change password' }), [], {
    method: 'POST',
    path: '/auth/login$',
  })
  await expect(page.getByRole('alert')).toContainText('incorrect')

  await page.goto('/access/signinhub')
  await page.getByLabel('Username').fill('nobody-here')
  await expectProgressInPlace(page, page.getByRole('button', { name: 'Continue' }), [], {
    method: 'POST',
    path: '/server$',
  })
  await expect(page.getByRole('alert')).toContainText('No account has this username')
})
