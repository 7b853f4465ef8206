import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'
import { platformUrl } from './urls'

const returnURL = `${platformUrl}/demo-app/?from=app&note=a b`

test('with a returnURL the browser goes back to the app with the legacy prYv parameters', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-return', returnURL })
  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('button', { name: 'Accept' }).click()

  await page.waitForURL((url) => url.pathname === '/demo-app/')
  const query = new URL(page.url()).searchParams
  const [access] = await demoPlatform.liveAccesses(demoUser.username, 'test-return')
  expect(query.get('from')).toBe('app')
  expect(query.get('note')).toBe('a b')
  expect(query.get('prYvpoll')).toBe(request.poll)
  expect(query.get('prYvkey')).toBe(request.key)
  expect(query.get('prYvstatus')).toBe('ACCEPTED')
  expect(query.get('prYvusername')).toBe(demoUser.username)
  expect(query.get('prYvtoken')).toBe(access?.token)
})

test('with an oauthState the app gets state, code and poll', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-oauth', returnURL, oauthState: 'st&te=1' })
  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('button', { name: 'Refuse' }).click()

  await page.waitForURL((url) => url.pathname === '/demo-app/')
  const query = new URL(page.url()).searchParams
  expect(query.get('state')).toBe('st&te=1')
  expect(query.get('code')).toBe(request.key)
  expect(query.get('poll')).toBe(request.poll)
  expect(query.get('prYvstatus')).toBeNull()
})

test('cli=1 ends on a page that says the window can be closed', async ({ page }) => {
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-cli' })
  await page.goto(`${request.authUrl}&cli=1`)
  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('button', { name: 'Accept' }).click()

  await expect(page.getByText('The app received your answer. You can close this window.')).toBeVisible()
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED' })
})

test('opened as a popup by the app, the page closes itself and the app sees the answer', async ({ page }) => {
  await page.goto(`${platformUrl}/demo-app/`)
  const popupOpened = page.waitForEvent('popup')
  await page.getByRole('button', { name: /start/i }).click()
  const popup = await popupOpened
  await signIn(popup, demoUser.username, demoUser.password)
  // Listened for before the click: the popup may close before the click's own wait ends.
  const closed = popup.waitForEvent('close')
  await popup.getByRole('button', { name: 'Accept' }).click()

  await closed
  await expect(page.getByText('ACCEPTED')).toBeVisible({ timeout: 10_000 })
})
