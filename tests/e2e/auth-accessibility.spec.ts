import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, openNewRequest, signIn, test } from './fixtures'
import { appUrl } from './urls'

// Every state of the auth popup, each checked in the light and the dark theme.
// axe runs take seconds each on a slow machine: these tests get more time than the default.
test.describe.configure({ timeout: 120_000 })

test('sign-in, wrong password, consent with a replaced access, and done', async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  await demoPlatform.seedAccess(demoUser.username, {
    name: 'test-a11y',
    permissions: [{ streamId: 'diary', level: 'manage' }],
  })
  await openNewRequest(page, {
    requestingAppId: 'test-a11y',
    clientData: {
      'app-web-auth:description': { type: 'note/txt', content: 'We **need** [this](https://example.com/why).' },
    },
    expireAfter: 86400,
  })
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable()
  await expectAccessibleInBothThemes(page, 'auth: sign-in', figures)

  await signIn(page, demoUser.username, 'wrong-password-1')
  await expect(page.getByRole('alert')).toContainText('incorrect')
  await expectAccessibleInBothThemes(page, 'auth: wrong password', figures)

  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('note')).toBeVisible()
  await expectAccessibleInBothThemes(page, 'auth: consent with a mismatch warning', figures)

  await page.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'auth: done', figures)
  await attachAxeFigures(testInfo, figures)
})

test('MFA code with an error, and the recovery form', async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  await openNewRequest(page)
  await signIn(page, mfaUser.username, mfaUser.password)
  await page.getByLabel('Verification code').fill('000000')
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByRole('alert')).not.toBeEmpty()
  await expectAccessibleInBothThemes(page, 'auth: MFA with an error', figures)

  await page.getByRole('button', { name: 'I lost my phone' }).click()
  await expect(page.getByLabel('Recovery code')).toBeVisible()
  await expectAccessibleInBothThemes(page, 'auth: MFA recovery', figures)
  await attachAxeFigures(testInfo, figures)
})

test('expired request, untrusted link and unknown page', async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  const request = await demoPlatform.createAuthRequest()
  await demoPlatform.expire(request.key)
  await page.goto(request.authUrl)
  await expect(page.getByRole('heading', { name: 'The request could not be loaded' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'auth: load error', figures)

  await page.goto(`${appUrl}/access/access.html?key=k&poll=${encodeURIComponent('https://evil.example/reg/access/k')}`)
  await expect(page.getByRole('heading', { name: 'This link cannot be trusted' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'untrusted link', figures)

  await page.goto(`${appUrl}/access/no-such-page`)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'not found', figures)
  await attachAxeFigures(testInfo, figures)
})
