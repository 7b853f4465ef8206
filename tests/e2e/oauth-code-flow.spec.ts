import { demoUser, expect, signIn, test } from './fixtures'
import { oauthRecords, startOAuthFlow } from './oauthFlow'
import { platformUrl } from './urls'

test('the code flow with a choice offer: the unticked entry is not granted, the token reads exactly the kept ones', async ({
  page,
}) => {
  const redirect = page.waitForResponse((response) => response.url().startsWith(`${platformUrl}/oauth2/authorize?`))
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  const signedState = new URL((await redirect).headers().location ?? '').searchParams.get('state') ?? ''
  expect(signedState).toContain('.')
  // The signed state is read, then dropped from the address and the history, and never stored.
  await expect(page).not.toHaveURL(/state=/)
  const kept = await page.evaluate(
    () =>
      JSON.stringify({ ...localStorage }) +
      JSON.stringify({ ...sessionStorage }) +
      document.cookie +
      JSON.stringify(history.state),
  )
  expect(kept).not.toContain(signedState.split('.')[1])
  await expect(page.getByText('Demo Health Study asks for access to your data')).toBeVisible()
  await expect(page.getByText(/Time left to answer: [45]:\d\d/)).toBeVisible()
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: 'Give Demo Health Study access to your data?' })).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Share your health data' })).toBeVisible()
  await expect(page.getByText('I agree that Demo Health Study reads the data I keep ticked above.')).toBeVisible()
  const health = page.getByRole('checkbox', { name: 'Read “Health”' })
  await expect(health).toBeChecked()
  await expect(health).toBeDisabled()
  await expect(health).toHaveAccessibleDescription('Required by this app')
  await page.getByRole('checkbox', { name: 'Read “Diary”' }).uncheck()
  await page.getByRole('button', { name: 'Accept' }).click()

  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback`)
  await expect(page.getByText('Token received.')).toBeVisible()
  // access-info of the exchanged token, as the client shows it: the platform's own `:_` entries aside, exactly the kept stream.
  const permissions = page.locator('#permissions li')
  await expect(permissions.first()).toBeVisible()
  const granted = (await permissions.allTextContents())
    .map((text) => JSON.parse(text) as Record<string, string>)
    .filter((entry) => !entry.streamId?.startsWith(':_'))
  expect(granted).toEqual([
    { streamId: 'health', level: 'read' },
    { feature: 'selfRevoke', setting: 'allowed' },
  ])

  const records = await oauthRecords()
  expect(records.decisions).toEqual([
    expect.objectContaining({
      kind: 'accept',
      clientId: 'demo-health-study',
      username: demoUser.username,
      offerName: 'share',
      grantedPermissions: [
        { streamId: 'health', level: 'read', defaultName: 'Health' },
        { feature: 'selfRevoke', setting: 'forbidden' },
      ],
    }),
  ])
  // Signed out at the end: no personal session of the page is left open.
  await expect
    .poll(
      async () =>
        (
          (await (await fetch(`${platformUrl}/_demo/state`)).json()) as {
            users: Array<{ username: string; openSessions: number }>
          }
        ).users.find((user) => user.username === demoUser.username)?.openSessions,
    )
    .toBe(0)
})
