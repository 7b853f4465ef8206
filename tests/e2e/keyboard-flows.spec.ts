import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, openNewRequest, test } from './fixtures'
import { expectFocusRing, pressAndExpectFocus, signInWithKeyboard, typeInto } from './keyboard'
import { platformUrl } from './urls'

// Each flow with Tab, Shift+Tab, Enter, Space and typing only: no click, no fill.
test.describe.configure({ timeout: 60_000 })

const newPassword = 'keyboard-password-1'

/** From the page's top, once its form shows (in the platform's look, issue 27): Tab past the language switch to the login field and type it. */
async function typeLoginFromTop(page: Page, login: string): Promise<void> {
  await expect(page.getByLabel('Username')).toBeVisible()
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Language'))
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Username'))
  await page.keyboard.type(login)
}

/** From the field before it: Tab to the new password, type it, past its "show" toggle to the confirmation, type it again. */
async function typeNewPasswordTwice(page: Page, password: string): Promise<void> {
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('New password', { exact: true }))
  await page.keyboard.type(password)
  const newPasswordField = page.locator('.field', { has: page.getByLabel('New password', { exact: true }) })
  await pressAndExpectFocus(page, 'Tab', newPasswordField.getByRole('button', { name: 'Show password' }))
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Confirm the new password'))
  await page.keyboard.type(password)
}

test('auth, accept: sign in, consent, accept', async ({ page }) => {
  const request = await openNewRequest(page, {
    requestingAppId: 'test-keyboard',
    clientData: { 'app-web-auth:description': { type: 'note/txt', content: 'Read [why](https://example.com/why).' } },
  })
  const login = page.getByLabel('Username')
  await typeInto(page, login, demoUser.username)
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Password', { exact: true }))
  await page.keyboard.type(demoUser.password)
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Show password' }))
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Sign in' }))
  await expectFocusRing(page)
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeFocused()
  await pressAndExpectFocus(page, 'Tab', page.getByRole('link', { name: 'why' }))
  await expectFocusRing(page)
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Accept' }))
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Done' })).toBeFocused()
  expect((await demoPlatform.pollHistory(request.key)).map((entry) => entry.status)).toContain('ACCEPTED')
  expect(await demoPlatform.liveAccesses(demoUser.username, 'test-keyboard')).toHaveLength(1)
})

test('auth, refuse: sign in with Enter in the password field, refuse with Space', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-keyboard-refuse' })
  await signInWithKeyboard(page, demoUser.email, demoUser.password)

  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeFocused()
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Accept' }))
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Refuse' }))
  await page.keyboard.press('Space')

  await expect(page.getByRole('heading', { name: 'Done' })).toBeFocused()
  expect((await demoPlatform.pollHistory(request.key)).map((entry) => entry.status)).toContain('REFUSED')
  expect(await demoPlatform.liveAccesses(demoUser.username, 'test-keyboard-refuse')).toEqual([])
})

test('auth with MFA: the code field follows the step heading', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-keyboard-mfa' })
  await signInWithKeyboard(page, mfaUser.username, mfaUser.password)

  await expect(page.getByRole('heading', { name: 'Enter your verification code' })).toBeFocused()
  const code = page.getByLabel('Verification code')
  await pressAndExpectFocus(page, 'Tab', code)
  await typeInto(page, code, await demoPlatform.lastSmsCode(mfaUser.username))
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeFocused()
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Accept' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Done' })).toBeFocused()
  expect((await demoPlatform.pollHistory(request.key)).map((entry) => entry.status)).toContain('ACCEPTED')
})

test('register outside an auth request, every field in order', async ({ page }) => {
  await page.goto('/access/register')
  // The form shows once the platform's look is known (issue 27): a person tabs from the top when it is there.
  await expect(page.getByLabel('E-mail')).toBeVisible()
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Language'))
  await expectFocusRing(page)
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('E-mail'))
  await page.keyboard.type('keyboard-person@example.com')
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Username'))
  await page.keyboard.type('keyboard-person')
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('New password', { exact: true }))
  await page.keyboard.type(newPassword)
  const newPasswordField = page.locator('.field', { has: page.getByLabel('New password', { exact: true }) })
  await pressAndExpectFocus(page, 'Tab', newPasswordField.getByRole('button', { name: 'Show password' }))
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Confirm the new password'))
  await page.keyboard.type(newPassword)
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Show password' }).last())
  await pressAndExpectFocus(page, 'Tab', page.getByRole('link', { name: 'terms of use' }))
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Create my account' }))
  const home = page.waitForURL(`${platformUrl}/keyboard-person/`)
  await page.keyboard.press('Space')

  await expect(page.getByRole('heading', { name: 'Your account is ready' })).toBeFocused()
  await home
  expect(await demoPlatform.user('keyboard-person')).toMatchObject({ email: 'keyboard-person@example.com' })
})

test('reset password: the request, then the mailed link', async ({ page }) => {
  await page.goto('/access/reset-password')
  await typeLoginFromTop(page, demoUser.username)
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Send the e-mail' }))
  await pressAndExpectFocus(page, 'Tab', page.getByRole('link', { name: 'Back to sign-in' }))
  await pressAndExpectFocus(page, 'Shift+Tab', page.getByRole('button', { name: 'Send the e-mail' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeFocused()
  const mail = (await demoPlatform.mails()).at(-1)
  expect(mail?.username).toBe(demoUser.username)

  await page.goto(mail?.url ?? '')
  await typeLoginFromTop(page, demoUser.username)
  await typeNewPasswordTwice(page, newPassword)
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeFocused()
  await pressAndExpectFocus(page, 'Tab', page.getByRole('link', { name: 'Sign in' }))
  expect(await demoPlatform.passwordWorks(demoUser.username, newPassword)).toBe(true)
})

test('change password', async ({ page }) => {
  await page.goto('/access/change-password')
  await typeLoginFromTop(page, demoUser.username)
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Current password'))
  await page.keyboard.type(demoUser.password)
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Show password' }).first())
  await typeNewPasswordTwice(page, newPassword)
  await page.keyboard.press('Enter')

  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeFocused()
  expect(await demoPlatform.passwordWorks(demoUser.username, newPassword)).toBe(true)
})

test('sign-in hub', async ({ page }) => {
  await page.goto('/access/signinhub')
  await typeLoginFromTop(page, demoUser.username)
  await pressAndExpectFocus(page, 'Tab', page.getByRole('button', { name: 'Continue' }))
  const home = page.waitForURL(`${platformUrl}/${demoUser.username}/`)
  await page.keyboard.press('Enter')
  await home
  expect((await demoPlatform.requests()).map((request) => `${request.method} ${request.path}`)).toContain(
    `GET /${demoUser.username}/`,
  )
})
