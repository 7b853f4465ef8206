import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'

test('signing in with an e-mail resolves the username', async ({ page }) => {
  await openNewRequest(page, { requestingAppId: 'test-email' })
  await signIn(page, demoUser.email, demoUser.password)

  await expect(page.getByText('“test-email” asks to access the data of demo-user')).toBeVisible()
  const paths = (await demoPlatform.requests()).map((request) => `${request.method} ${request.path}`)
  expect(paths).toContain(`GET /reg/${encodeURIComponent(demoUser.email)}/uid`)
})

test('a wrong password is explained and nothing is created', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-wrong-password' })
  await signIn(page, demoUser.username, 'wrong-password-1')

  await expect(page.getByRole('alert')).toContainText('The username, e-mail or password is incorrect.')
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible()
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'NEED_SIGNIN' })
  expect(await demoPlatform.liveAccesses(demoUser.username, 'test-wrong-password')).toEqual([])
})

test('the poll state language wins over the link and the page speaks French', async ({ page }) => {
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-lang', languageCode: 'fr' })
  await page.goto(request.authUrl.replace('lang=fr', 'lang=en'))

  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
})
