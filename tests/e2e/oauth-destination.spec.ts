import { demoUser, expect, signIn, test } from './fixtures'
import { startOAuthFlow } from './oauthFlow'
import { platformUrl } from './urls'

test('the OAuth consent names the host the client registered for the answer, flagging it here as loopback', async ({
  page,
}) => {
  await startOAuthFlow(page, 'demo-health-study cmc:aon')
  await signIn(page, demoUser.username, demoUser.password)

  const host = new URL(platformUrl).host
  await expect(
    page.getByText(
      `Your answer goes to the address the app registered, on ${host}. This address is on this computer (loopback): expect it only if the app runs here.`,
    ),
  ).toBeVisible()
})
