import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'

/*
 * The consent step's code and messages come apart from the popup's first load. When they cannot be fetched
 * (a dropped connection), signing in says so and offers the way forward: signing in again once it is back.
 */
test('a consent step whose code cannot be fetched is said, and signing in again reaches the consent', async ({
  page,
}) => {
  const consentChunks = /\/assets\/consent-[\w-]+\.js$/
  await page.route(consentChunks, (route) => route.abort('internetdisconnected'))
  const request = await openNewRequest(page)
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('alert')).toContainText('cannot be reached')
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'NEED_SIGNIN' })

  await page.unroute(consentChunks)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
})
