import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, openNewRequest, test } from './fixtures'
import { fillChangeForm, fillResetForm } from './passwordForms'
import { createButton, fillRegisterForm, newAccount } from './registerForm'
import { platformUrl } from './urls'

// The pages beside the auth popup (auth-accessibility.spec.ts), each state checked in the light
// and the dark theme. axe takes seconds per run on a slow machine: these tests get more time.
test.describe.configure({ timeout: 150_000 })

const hostingChoice = {
  regions: {
    europe: {
      name: 'Europe',
      zones: {
        switzerland: {
          name: 'Switzerland',
          hostings: {
            'ch-geneva': {
              url: `${platformUrl}/`,
              name: 'Geneva',
              description: 'Data kept in Geneva',
              available: true,
              availableCore: `${platformUrl}/`,
            },
            'ch-zurich': {
              url: `${platformUrl}/`,
              name: 'Zurich',
              description: 'Data kept in Zurich',
              available: true,
              availableCore: `${platformUrl}/`,
            },
          },
        },
      },
    },
  },
}

test('register: empty, field errors, platform error, several hostings, created', async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  await page.goto('/access/register')
  await expect(createButton(page)).toBeEnabled()
  await expectAccessibleInBothThemes(page, 'register: empty form', figures)

  await createButton(page).click()
  await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true')
  await expectAccessibleInBothThemes(page, 'register: field errors', figures)

  await fillRegisterForm(page, newAccount('axe-person'))
  await demoPlatform.faults([{ method: 'POST', path: '^/reg/users$', status: 500 }])
  await createButton(page).click()
  await expect(page.getByRole('alert')).toContainText('The platform had a problem.')
  await expectAccessibleInBothThemes(page, 'register: platform error', figures)

  // The account's home answers "no content", so the browser stays on the "ready" panel while axe reads it.
  await page.route(`${platformUrl}/axe-person/`, (route) => route.fulfill({ status: 204 }))
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { name: 'Your account is ready' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'register: created', figures)

  await demoPlatform.setHostings(hostingChoice)
  await page.goto('/access/register')
  await expect(page.getByLabel('Where your data is kept')).toHaveValue('ch-geneva')
  await expectAccessibleInBothThemes(page, 'register: hostings select', figures)
  await attachAxeFigures(testInfo, figures)
})

test('reset password: request, sent, with a token, invalid token, done', async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  await page.goto('/access/reset-password')
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'reset: request', figures)

  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByRole('button', { name: 'Send the e-mail' }).click()
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'reset: sent', figures)

  await page.goto('/access/reset-password.html?resetToken=not-a-real-token')
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'reset: with token', figures)

  await fillResetForm(page, demoUser.username, 'axe-password-1')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('alert')).toContainText('This reset link is invalid')
  await expectAccessibleInBothThemes(page, 'reset: invalid token', figures)

  const mail = (await demoPlatform.mails()).at(-1)
  await page.goto(mail?.url ?? '')
  await fillResetForm(page, demoUser.username, 'axe-password-1')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'reset: done', figures)
  await attachAxeFigures(testInfo, figures)
})

test('change password: form, refused new password, MFA step, done', async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  const fillForm = async (login: string, current: string, next: string) => {
    await fillChangeForm(page, login, current, next)
    await page.getByRole('button', { name: 'Change password' }).click()
  }
  await page.goto('/access/change-password')
  await expect(page.getByRole('heading', { name: 'Change your password' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'change: form', figures)

  await fillForm(demoUser.username, demoUser.password, 'abc')
  await expect(page.getByLabel('New password', { exact: true })).toHaveAttribute('aria-invalid', 'true')
  await expectAccessibleInBothThemes(page, 'change: refused new password', figures)

  await page.goto('/access/change-password')
  await fillForm(mfaUser.username, mfaUser.password, 'axe-password-1')
  await expect(page.getByLabel('Verification code')).toBeVisible()
  await expectAccessibleInBothThemes(page, 'change: MFA step', figures)

  await page.getByLabel('Verification code').fill(await demoPlatform.lastSmsCode(mfaUser.username))
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'change: done', figures)
  await attachAxeFigures(testInfo, figures)
})

test('sign-in hub (form, unknown user) and an already answered request', async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  await page.goto('/access/signinhub')
  await expect(page.getByRole('heading', { name: 'Go to your account' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'hub: form', figures)

  await page.getByLabel('Username').fill('nobody-here')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('alert')).toContainText('No account has this username')
  await expectAccessibleInBothThemes(page, 'hub: unknown user', figures)

  const request = await demoPlatform.createAuthRequest()
  await demoPlatform.postPoll(request.poll, { status: 'REFUSED', reasonId: 'REFUSED_BY_USER', message: 'refused' })
  await page.goto(request.authUrl)
  await expect(page.getByRole('heading', { name: 'Request already answered' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'auth: already answered', figures)

  await openNewRequest(page)
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable()
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'auth: cancelled', figures)
  await attachAxeFigures(testInfo, figures)
})
