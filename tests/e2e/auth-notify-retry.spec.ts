import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'

test('when the app cannot be told, a retry sends the answer again without a second access', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-notify-retry' })
  await signIn(page, demoUser.username, demoUser.password)
  await demoPlatform.faults([{ method: 'POST', path: `^/reg/access/${request.key}$`, status: 500 }])
  await page.getByRole('button', { name: 'Accept' }).click()

  await expect(page.getByText('The access was created, but the app could not be told yet.')).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('The platform had a problem.')
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'NEED_SIGNIN' })
  await page.getByRole('button', { name: 'Try again' }).click()

  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  const accesses = await demoPlatform.liveAccesses(demoUser.username, 'test-notify-retry')
  expect(accesses).toHaveLength(1)
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', token: accesses[0]?.token })
})
