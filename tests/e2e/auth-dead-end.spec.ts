import type { Page } from '@playwright/test'
import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'

/*
 * Issue 12, defect 2: when a step fails after the request was loaded (the
 * check, re-reading the request, creating the access), the page offers to tell
 * the app "refused", and "Try again" where it helps, so the app never waits
 * until the request expires.
 */

test.describe.configure({ timeout: 90_000 })

const batchPath = `^/${demoUser.username}/$`
const checking = 'Checking the request…'

/** The app was told "refused" once, no access was created and the personal session is closed. */
async function expectRefusalTold(page: Page, key: string, poll: string, appId: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  expect(await demoPlatform.pollState(poll)).toMatchObject({ status: 'REFUSED', reasonId: 'REFUSED_BY_USER' })
  const posts = (await demoPlatform.requests()).filter(
    (request) => request.method === 'POST' && request.path === `/reg/access/${key}`,
  )
  expect(posts).toHaveLength(1)
  expect(await demoPlatform.liveAccesses(demoUser.username, appId)).toEqual([])
  expect((await demoPlatform.user(demoUser.username)).openSessions).toBe(0)
}

test('a check the platform refuses offers Refuse (no "Try again"), by keyboard too, and tells the app', async ({
  page,
}, testInfo) => {
  const figures: AxeFigure[] = []
  // Without a defaultName, the platform's check-app refuses the permission (400 invalid-parameters-format).
  const request = await openNewRequest(page, {
    requestingAppId: 'test-dead-end-check',
    requestedPermissions: [{ streamId: 'diary', level: 'read' }],
  })
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: checking })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('The platform refused the request.')
  await expect(
    page.getByText('If you do not want to go on, refuse: the app then stops waiting for your answer.'),
  ).toBeVisible()
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Accept' })).toHaveCount(0)
  await expectAccessibleInBothThemes(page, 'auth: check refused, Refuse offered', figures)

  await page.getByRole('heading', { name: checking }).focus()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Refuse' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expectRefusalTold(page, request.key, request.poll, 'test-dead-end-check')
  await attachAxeFigures(testInfo, figures)
})

test('a check that keeps failing offers both "Try again" and Refuse, and Refuse stays in place', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-dead-end-retry' })
  await demoPlatform.faults([{ method: 'POST', path: batchPath, status: 500, times: 2 }])
  await signIn(page, demoUser.username, demoUser.password)

  const refuse = page.getByRole('button', { name: 'Refuse' })
  await expect(page.getByRole('alert')).toContainText('The platform had a problem.')
  const before = await refuse.boundingBox()
  await page.getByRole('button', { name: 'Try again' }).click()
  const checks = async () =>
    (await demoPlatform.requests()).filter((call) => call.method === 'POST' && call.path === `/${demoUser.username}/`)
      .length
  await expect.poll(checks).toBe(2)
  await expect(page.getByRole('button', { name: 'Try again' })).toBeEnabled()
  await expect(page.getByRole('alert')).toContainText('The platform had a problem.')
  expect(await refuse.boundingBox()).toEqual(before)

  await refuse.click()
  await expectRefusalTold(page, request.key, request.poll, 'test-dead-end-retry')
})

test('re-reading the request failing after sign-in is not a dead end either', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-dead-end-reread' })
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable()
  await page.waitForLoadState('networkidle')
  await demoPlatform.faults([{ method: 'GET', path: `^/reg/access/${request.key}$`, status: 500, times: 1 }])
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: checking })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('The platform had a problem.')
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
  await page.getByRole('button', { name: 'Refuse' }).click()
  await expectRefusalTold(page, request.key, request.poll, 'test-dead-end-reread')
})

test('creating the access failing leaves Refuse and "Try again" on the consent; Refuse creates nothing and tells the app', async ({
  page,
}) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-dead-end-create' })
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  await demoPlatform.faults([{ method: 'POST', path: batchPath, status: 500, times: 1 }])
  await page.getByRole('button', { name: 'Accept' }).click()

  await expect(page.getByRole('alert')).toContainText('The platform had a problem.')
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
  await page.getByRole('button', { name: 'Refuse' }).click()
  await expectRefusalTold(page, request.key, request.poll, 'test-dead-end-create')
})
