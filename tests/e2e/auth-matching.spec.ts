import type { Page } from '@playwright/test'
import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'
import { expectTabCycle, signInWithKeyboard } from './keyboard'
import { recordPlatformCalls } from './platformCalls'
import { platformUrl } from './urls'

/*
 * Issue 15: anyone can create an auth request naming any app, so an access the app already
 * holds is given again only after one explicit click on a confirmation that says what it is
 * and where the answer goes. The old, silent behaviour is a build setting (auth-matching-settings).
 */

const diaryRead = [{ streamId: 'diary', level: 'read', defaultName: 'Diary' }]
const confirmTitle = (app: string) => `Give “${app}” its access again?`

/** A request from `app`, which already holds an access with the same permissions, signed in up to the confirmation. */
async function openMatchingRequest(page: Page, app: string, overrides: Record<string, unknown> = {}) {
  const existing = await demoPlatform.seedAccess(demoUser.username, {
    name: app,
    permissions: [{ streamId: 'diary', level: 'read' }],
  })
  const request = await openNewRequest(page, { requestingAppId: app, requestedPermissions: diaryRead, ...overrides })
  return { existing, request }
}

test('a matching access asks first: app id, what it holds, since when, where the answer goes; nothing is created', async ({
  page,
}) => {
  const { existing, request } = await openMatchingRequest(page, 'test-matching')
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: confirmTitle('test-matching') })).toBeFocused()
  await expect(
    page.getByText('“test-matching” already has an access to the data of demo-user, with these permissions:'),
  ).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Read “Diary”' })).toBeVisible()
  await expect(page.getByText(/^This access was created on .*\d{4}\.$/)).toBeVisible()
  await expect(page.getByText('Your answer goes back to the window that opened this page.')).toBeVisible()
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'NEED_SIGNIN' })

  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({
    status: 'ACCEPTED',
    username: demoUser.username,
    token: existing.token,
  })
  const live = await demoPlatform.liveAccesses(demoUser.username, 'test-matching')
  expect(live.map((access) => access.id)).toEqual([existing.id])
})

test('Refuse on the confirmation tells the app REFUSED and leaves the existing access alone', async ({ page }) => {
  const { existing, request } = await openMatchingRequest(page, 'test-matching-refuse')
  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('button', { name: 'Refuse' }).click()

  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'REFUSED', reasonId: 'REFUSED_BY_USER' })
  const live = await demoPlatform.liveAccesses(demoUser.username, 'test-matching-refuse')
  expect(live.map((access) => [access.id, access.token])).toEqual([[existing.id, existing.token]])
})

test('the confirmation costs no platform request: sign-in and Continue make the calls of the silent hand-over', async ({
  page,
}) => {
  const calls = recordPlatformCalls(page)
  const { request } = await openMatchingRequest(page, 'test-matching-budget')
  const poll = `/reg/access/${request.key}`
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable()
  await page.waitForLoadState('networkidle')
  expect(calls.take()).toEqual([`GET ${poll}`])

  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: confirmTitle('test-matching-budget') })).toBeVisible()
  expect(calls.take()).toEqual([
    'POST /demo-user/auth/login',
    'POST /demo-user/ accesses.checkApp,streams.get',
    `GET ${poll}`,
  ])

  const logout = page.waitForRequest((sent) => (sent.postData() ?? '').includes('auth.logout'))
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  await logout
  expect(calls.take()).toEqual([`POST ${poll}`, 'POST /demo-user/ auth.logout'])
})

test('the confirmation names the return address host; the classic consent too, flagging plain http and loopback', async ({
  page,
}) => {
  await openMatchingRequest(page, 'test-matching-host', { returnURL: 'https://app.example/back?x=1' })
  await signIn(page, demoUser.username, demoUser.password)
  const confirmLine = page.getByText('Your answer goes to app.example.', { exact: true })
  await expect(confirmLine).toBeVisible()
  await expect(confirmLine).not.toHaveClass(/notice-warning/)

  await openNewRequest(page, { requestingAppId: 'test-plain-http', returnURL: 'http://app.example:8080/back' })
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  await expect(
    page.getByText(
      'Your answer goes to app.example:8080. This address does not use https: your answer would travel unencrypted.',
    ),
  ).toBeVisible()

  await openNewRequest(page, { requestingAppId: 'test-loopback', returnURL: 'http://127.0.0.1:9/back' })
  await signIn(page, demoUser.username, demoUser.password)
  await expect(
    page.getByText(/^Your answer goes to 127\.0\.0\.1:9\. This address is on this computer \(loopback\)/),
  ).toBeVisible()
})

test('keyboard only: the confirmation keeps the focus on itself, Enter on Continue goes back to the app; axe finds nothing, light and dark', async ({
  page,
}, testInfo) => {
  const figures: AxeFigure[] = []
  const { request } = await openMatchingRequest(page, 'test-matching-keys', {
    returnURL: `${platformUrl}/demo-app/`,
  })
  await signInWithKeyboard(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: confirmTitle('test-matching-keys') })).toBeFocused()
  await expectAccessibleInBothThemes(page, 'matching-access confirmation', figures)

  const continueButton = page.getByRole('button', { name: 'Continue' })
  const refuse = page.getByRole('button', { name: 'Refuse' })
  const language = page.getByRole('combobox', { name: 'Language' })
  await expectTabCycle(page, [continueButton, refuse, language])
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => url.pathname === '/demo-app/')
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED' })
  await attachAxeFigures(testInfo, figures)
})
