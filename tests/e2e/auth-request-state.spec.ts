import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, test } from './fixtures'
import { appUrl, platformUrl, serviceInfoUrl } from './urls'

test('an expired request says so and shows no sign-in form', async ({ page }) => {
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-expired' })
  await demoPlatform.expire(request.key)
  await page.goto(request.authUrl)

  await expect(page.getByRole('alert')).toContainText('This request has expired or does not exist.')
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
})

test('a request already answered is not offered again', async ({ page }) => {
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-answered' })
  await demoPlatform.postPoll(request.poll, {
    status: 'ACCEPTED',
    username: demoUser.username,
    token: 'some-token',
    apiEndpoint: 'http://x/',
  })
  await page.goto(request.authUrl)

  await expect(page.getByRole('heading', { name: 'Request already accepted' })).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
})

test('a poll URL on a foreign host is refused, named, and never contacted', async ({ page }) => {
  const foreign: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).hostname === 'evil.example') foreign.push(request.url())
  })
  const poll = encodeURIComponent('https://evil.example/reg/access/abc')
  await page.goto(
    `${appUrl}/access/access.html?key=abc&requestingAppId=x&poll=${poll}&serviceInfo=${encodeURIComponent(serviceInfoUrl)}`,
  )

  await expect(page.getByRole('heading', { name: 'This link cannot be trusted' })).toBeVisible()
  await expect(page.getByText('evil.example', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  expect(foreign).toEqual([])
})

test('a REDIRECTED request sends the browser to the new address', async ({ page }) => {
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-redirected' })
  const target = `${platformUrl}/demo-app/?moved=1`
  await demoPlatform.postPoll(request.poll, { status: 'REDIRECTED', redirectUrl: target })
  await page.goto(request.authUrl)

  await page.waitForURL(target)
})

test('a REDIRECTED request with a javascript: address is not followed', async ({ page }) => {
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-redirected-bad' })
  await demoPlatform.postPoll(request.poll, { status: 'REDIRECTED', redirectUrl: 'javascript:alert(1)' })
  await page.goto(request.authUrl)

  await expect(page.getByRole('heading', { name: 'Request moved' })).toBeVisible()
  expect(page.url()).toContain('/access/access.html')
})

test('an unknown path shows the not-found page', async ({ page }) => {
  await page.goto(`${appUrl}/access/no-such-page`)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})

test('the sign-in form is usable while the poll state is still loading', async ({ page }) => {
  await demoPlatform.faults([{ method: 'GET', path: '^/reg/access/', delayMs: 2000 }])
  await openNewRequest(page, { requestingAppId: 'test-slow' })
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable({ timeout: 1500 })
})
