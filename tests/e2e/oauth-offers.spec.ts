import { demoUser, expect, signIn, test } from './fixtures'
import { oauthRecords, startOAuthFlow } from './oauthFlow'
import { platformUrl } from './urls'

test('an all-or-nothing offer: no entry can be unticked, the page says so, Accept all grants the whole offer', async ({
  page,
}) => {
  await startOAuthFlow(page, 'demo-health-study cmc:aon')
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: 'Keep a shared diary' })).toBeVisible()
  await expect(page.getByText('This request is all or nothing: accept all of it, or refuse it.')).toBeVisible()
  await expect(page.getByRole('checkbox')).toHaveCount(0)
  await expect(page.getByText('Read and add to “Diary”')).toBeVisible()
  await page.getByRole('button', { name: 'Accept all' }).click()

  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback`)
  await expect(page.getByText('Token received.')).toBeVisible()
  const records = await oauthRecords()
  expect(records.decisions).toEqual([
    expect.objectContaining({
      kind: 'accept',
      offerName: 'aon',
      grantedPermissions: [
        { streamId: 'diary', level: 'contribute', defaultName: 'Diary' },
        { streamId: 'health', level: 'read', defaultName: 'Health' },
      ],
    }),
  ])
})

test("non-ASCII offer texts read as written, in the page's language, and Accept waits for at least one ticked entry", async ({
  page,
}) => {
  await startOAuthFlow(page, 'demo-etude-zurich cmc:intl')
  await expect(page.getByText('Étude à Zürich 🧪 asks for access to your data')).toBeVisible()
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: 'Give Étude à Zürich 🧪 access to your data?' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Study in Zürich 🧪' })).toBeVisible()
  await expect(page.getByText('Read-only access to “sensitive” data.')).toBeVisible()
  await expect(page.getByText('I agree ✅')).toBeVisible()

  // The offer calls the streams "Journal" and "Santé"; the page names them as the demo account does.
  await page.getByRole('checkbox', { name: 'Read “Diary”' }).uncheck()
  await page.getByRole('checkbox', { name: 'Add to “Health”, without reading it' }).uncheck()
  await expect(page.getByRole('button', { name: 'Accept' })).toBeDisabled()
  await expect(page.getByText('Tick at least one entry to accept, or refuse the request.')).toBeVisible()

  await page.getByLabel('Language').selectOption('fr')
  await expect(page.getByRole('heading', { name: 'Étude à Zürich', exact: true })).toBeVisible()
  await expect(page.getByText('Données « sensibles » : accès en lecture seule.')).toBeVisible()
  await expect(page.getByText('J’accepte ✅')).toBeVisible()
  await page.getByRole('checkbox', { name: 'Lire « Diary »' }).check()
  await page.getByRole('button', { name: 'Accepter' }).click()

  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback`)
  expect((await oauthRecords()).decisions).toEqual([
    expect.objectContaining({
      kind: 'accept',
      clientId: 'demo-etude-zurich',
      grantedPermissions: [{ streamId: 'diary', level: 'read', defaultName: 'Journal' }],
    }),
  ])
})
