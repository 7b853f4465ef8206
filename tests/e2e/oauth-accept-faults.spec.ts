import { clickTwiceAtOnce } from './clicks'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, signIn, test } from './fixtures'
import { consentPagePath, oauthRecords, startOAuthFlow } from './oauthFlow'
import { appUrl, platformUrl } from './urls'

test('a server error on accept is explained without leaving, and trying again completes the flow', async ({ page }) => {
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await signIn(page, demoUser.username, demoUser.password)
  await demoPlatform.faults([
    {
      method: 'POST',
      path: '^/oauth2/authorize/accept$',
      status: 500,
      body: { error: 'server_error', error_description: 'failed to create access' },
    },
  ])
  await page.getByRole('button', { name: 'Accept' }).click()

  await expect(page.getByRole('alert')).toContainText('The platform had a problem. Try again in a moment.')
  expect(page.url().startsWith(`${appUrl}${consentPagePath}`)).toBe(true)
  expect((await oauthRecords()).decisions).toEqual([])
  await page.getByRole('button', { name: 'Try again' }).click()

  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback`)
  await expect(page.getByText('Token received.')).toBeVisible()
  expect((await oauthRecords()).decisions).toHaveLength(1)
})

test('a double click on Accept makes one accept, with the progress on that button', async ({ page }) => {
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await signIn(page, demoUser.username, demoUser.password)
  // The platform answers slowly, as a first accept can (it waits for the data grant).
  await demoPlatform.faults([{ method: 'POST', path: '^/oauth2/authorize/accept$', delayMs: 1500 }])
  const accept = page.getByRole('button', { name: 'Accept' })
  await accept.dblclick()
  await expect(accept).toHaveAttribute('aria-busy', 'true')
  await expect(page.getByRole('button', { name: 'Refuse' })).toBeDisabled()

  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback`)
  await expect(page.getByText('Token received.')).toBeVisible()
  const accepts = (await demoPlatform.requests()).filter(
    (request) => request.method === 'POST' && request.path === '/oauth2/authorize/accept',
  )
  expect(accepts).toHaveLength(1)
  expect((await oauthRecords()).decisions).toHaveLength(1)
})

test('two clicks at once on Sign in sign in once, and on Refuse refuse once', async ({ page }) => {
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await demoPlatform.faults([{ method: 'POST', path: '/auth/login$', delayMs: 800 }])
  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByLabel('Password', { exact: true }).fill(demoUser.password)
  await clickTwiceAtOnce(page.getByRole('button', { name: 'Sign in' }))
  await expect(page.getByRole('button', { name: 'Accept' })).toBeVisible()

  await demoPlatform.faults([{ method: 'POST', path: '^/oauth2/authorize/refuse$', delayMs: 1500 }])
  await clickTwiceAtOnce(page.getByRole('button', { name: 'Refuse' }))
  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback**`)
  const calls = await demoPlatform.requests()
  const count = (path: RegExp) => calls.filter((request) => request.method === 'POST' && path.test(request.path)).length
  expect(count(/\/auth\/login$/)).toBe(1)
  expect(count(/^\/oauth2\/authorize\/refuse$/)).toBe(1)
  expect((await oauthRecords()).decisions).toEqual([expect.objectContaining({ kind: 'refuse' })])
})
