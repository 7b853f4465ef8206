import { demoPlatform } from './demoPlatform'
import { demoUser, expect, signIn, test } from './fixtures'
import { oauthRecords, startOAuthFlow } from './oauthFlow'
import { platformUrl } from './urls'

test('refusing after signing in sends the client access_denied and grants nothing', async ({ page }) => {
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('button', { name: 'Refuse' }).click()

  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback`)
  await expect(page.getByText('The flow ended without access: access_denied')).toBeVisible()
  const records = await oauthRecords()
  expect(records.decisions).toEqual([{ kind: 'refuse', clientId: 'demo-health-study', offerName: 'share' }])
  expect(records.codes).toEqual([])
  expect((await demoPlatform.user(demoUser.username)).openSessions).toBe(0)
})

test('Cancel before signing in refuses the request without any sign-in', async ({ page }) => {
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await page.getByRole('button', { name: 'Cancel' }).click()

  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback`)
  await expect(page.getByText('The flow ended without access: access_denied')).toBeVisible()
  expect((await oauthRecords()).decisions).toEqual([
    { kind: 'refuse', clientId: 'demo-health-study', offerName: 'share' },
  ])
  expect((await demoPlatform.tokens()).filter((token) => token.username === demoUser.username)).toEqual([])
})
