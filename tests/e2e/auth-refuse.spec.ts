import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'

test('refusing tells the app and creates nothing', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-refuse' })
  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('button', { name: 'Refuse' }).click()

  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'REFUSED', reasonId: 'REFUSED_BY_USER' })
  expect(await demoPlatform.liveAccesses(demoUser.username, 'test-refuse')).toEqual([])
})

test('cancelling before signing in counts as a refusal', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-cancel' })
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Cancel' }).click()

  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'REFUSED' })
  expect(await demoPlatform.pollHistory(request.key)).toEqual([expect.objectContaining({ status: 'REFUSED' })])
})
