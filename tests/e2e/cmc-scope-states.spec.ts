import { scopeUpdatePageLink } from './cmcPlatform'
import { grantOf, openScopeRequest, returnToApp, scopeAnswers, seedScopeRequest } from './cmcScopeFlow'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, signIn, test } from './fixtures'

const acceptButton = { name: 'Accept the change' }

test('a request already answered is explained, also after Back, and the app is told so', async ({ page }) => {
  await openScopeRequest(page)
  await signIn(page, demoUser.username, demoUser.password)
  const firstReturn = returnToApp(page)
  await page.getByRole('button', acceptButton).click()
  await firstReturn

  await page.goBack()
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'This request has already been answered' })).toBeFocused()
  await expect(page.getByRole('button', acceptButton)).toHaveCount(0)
  const returned = returnToApp(page)
  await page.getByRole('button', { name: 'Back to the app' }).click()
  expect(await returned).toEqual({ ok: false, reason: 'cmc-scope-request-answered' })
  expect(await scopeAnswers()).toHaveLength(1)
})

test('a second tab showing the same request cannot answer it again', async ({ page, context }) => {
  const { request } = await openScopeRequest(page)
  const second = await context.newPage()
  await second.goto(page.url())
  await signIn(page, demoUser.username, demoUser.password)
  await signIn(second, demoUser.username, demoUser.password)
  await expect(second.getByRole('button', acceptButton)).toBeVisible()

  const returned = returnToApp(page)
  await page.getByRole('button', acceptButton).click()
  await returned
  await second.getByRole('button', { name: 'Refuse' }).click()
  // Both tabs held the same personal session (one per app id), which the first one ended: sign in again, then told.
  await expect(second.getByRole('alert')).toContainText('Your session has expired.')
  await signIn(second, demoUser.username, demoUser.password)
  await expect(second.getByRole('heading', { name: 'This request has already been answered' })).toBeVisible()
  const answers = await scopeAnswers()
  expect(answers).toEqual([expect.objectContaining({ content: expect.objectContaining({ accept: true }) })])
  expect(answers[0]?.content.scopeRequestEventId).toBe(request.scopeRequestEventId)
  await second.close()
})

test('an expired request is explained, without Accept, and nothing is written', async ({ page }) => {
  const { grant } = await openScopeRequest(page, { expires: Math.floor(Date.now() / 1000) - 60 })
  const before = await grantOf(grant.dataGrantAccessId)
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'This request has expired' })).toBeVisible()
  await expect(page.getByRole('button', acceptButton)).toHaveCount(0)
  const returned = returnToApp(page)
  await page.getByRole('button', { name: 'Back to the app' }).click()
  expect(await returned).toEqual({ ok: false, reason: 'cmc-scope-request-expired' })
  expect(await scopeAnswers()).toEqual([])
  expect((await grantOf(grant.dataGrantAccessId)).permissions).toEqual(before.permissions)
})

test('an MFA account signs in with its code, then answers', async ({ page }) => {
  const { grant } = await openScopeRequest(page, { recipient: mfaUser.username })
  await signIn(page, mfaUser.username, mfaUser.password)
  await expect(page.getByLabel('Verification code')).toBeVisible()
  await page.getByLabel('Verification code').fill(await demoPlatform.lastSmsCode(mfaUser.username))
  await page.getByRole('button', { name: 'Verify' }).click()
  const returned = returnToApp(page)
  await page.getByRole('button', acceptButton).click()
  expect(await returned).toMatchObject({ ok: true, action: 'accept' })
  const granted = (await grantOf(grant.dataGrantAccessId)).permissions
  expect(granted).toEqual(expect.arrayContaining([expect.objectContaining({ streamId: 'steps', level: 'contribute' })]))
  expect(await scopeAnswers(mfaUser.username)).toHaveLength(1)
})

test('an untrusted pryvApi is named, no password field shows and nothing is sent there', async ({ page }) => {
  const { request } = await seedScopeRequest()
  const hosts = new Set<string>()
  page.on('request', (sent) => hosts.add(new URL(sent.url()).host))
  await page.goto(
    scopeUpdatePageLink({ scopeRequestEventId: request.scopeRequestEventId, pryvApi: 'https://evil.example/' }),
  )
  await expect(page.getByRole('heading', { name: 'This link cannot be trusted' })).toBeVisible()
  await expect(page.getByText('evil.example')).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  expect(hosts.has('evil.example')).toBe(false)
})

test('the sign-in Cancel writes nothing and tells the app the person cancelled', async ({ page }) => {
  await openScopeRequest(page)
  const returned = returnToApp(page)
  await page.getByRole('button', { name: 'Cancel' }).click()
  expect(await returned).toEqual({ ok: false, reason: 'user-cancelled' })
  expect(await scopeAnswers()).toEqual([])
})
