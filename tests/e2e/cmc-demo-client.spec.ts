import { test, expect } from './fixtures'
import { cmcRecords, recipientPryvApi, seedGrant } from './cmcPlatform'
import { appUrl, platformUrl } from './urls'

const clientUrl = `${platformUrl}/demo-cmc-client/`

// Our CMC pages stand in as blank pages: these tests are about the client page, whatever our pages then do.
test.beforeEach(async ({ page }) => {
  await page
    .context()
    .route(`${appUrl}/access/cmc-*`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Our CMC page</title>' }),
    )
})

test('publishes an offer and opens our accept page in a popup, then shows the message and its origin', async ({
  page,
}) => {
  await page.goto(clientUrl)
  await page.getByLabel('Offer').selectOption('choice')
  const popupOpened = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Open the accept page in a popup' }).click()
  const popup = await popupOpened
  const link = new URL(popup.url())
  expect(link.origin + link.pathname).toBe(`${appUrl}/access/cmc-accept`)
  const { capabilities, triggers } = await cmcRecords()
  const offer = triggers.find((trigger) => trigger.type === 'consent/request-cmc')
  expect(capabilities).toEqual([expect.objectContaining({ requester: 'demo-study', mode: 'single-use' })])
  expect(offer?.content.request).toMatchObject({ allowUserChoice: true })
  expect(Object.fromEntries(link.searchParams)).toEqual({
    capabilityUrl: offer?.content.capabilityUrl,
    scopeStreamId: ':_cmc:apps:study',
    pryvApi: recipientPryvApi,
    // The study names its data grant after itself: the scope-update page names it so too.
    accessName: 'Demo Study',
    mode: 'popup',
  })

  // What our page does at the end, played in the popup: the client must show the sender's origin.
  await popup.evaluate((target) => {
    window.opener.postMessage({ type: 'cmc-accept-result', ok: true, acceptEventId: 'evt-1' }, target)
  }, new URL(platformUrl).origin)
  await expect(page.locator('#returned-origin')).toHaveText(new URL(appUrl).origin)
  await expect(page.locator('#returned-acceptEventId')).toHaveText('"evt-1"')
  await expect(page.getByRole('status')).toHaveText('The page answered: done.')
})

test('goes to our accept page by redirect with its own return URL', async ({ page }) => {
  await page.goto(clientUrl)
  await page.getByLabel('Offer').selectOption('open-link')
  await page.getByRole('button', { name: 'Go to the accept page (redirect)' }).click()
  await page.waitForURL(`${appUrl}/access/cmc-accept?**`)
  const link = new URL(page.url())
  expect(link.searchParams.get('mode')).toBe('redirect')
  expect(link.searchParams.get('returnUrl')).toBe(clientUrl)
  expect((await cmcRecords()).capabilities).toEqual([expect.objectContaining({ mode: 'open-link' })])
})

test('shows a result that came back in the return URL, the token only said to be there, then drops it', async ({
  page,
}) => {
  const result = { ok: true, acceptEventId: 'evt-2', dataGrantApiEndpoint: 'http://secret-token@127.0.0.1/x/' }
  await page.goto(`${clientUrl}?cmcAcceptResult=${encodeURIComponent(JSON.stringify(result))}`)
  await expect(page.locator('#returned-received-by')).toHaveText('return URL (cmcAcceptResult)')
  await expect(page.locator('#returned-dataGrantApiEndpoint')).toHaveText('(received; it carries a token)')
  await expect(page.locator('main')).not.toContainText('secret-token')
  expect(page.url()).toBe(clientUrl)
})

test('asks for a wider scope and opens our scope-update page for the request delivered to the person', async ({
  page,
}) => {
  await page.goto(clientUrl)
  await page.getByRole('button', { name: 'Open the scope-update page in a popup' }).click()
  await expect(page.getByRole('status')).toContainText('No relationship')

  const grant = await seedGrant({ recipient: 'demo-user', permissions: [{ streamId: 'health', level: 'read' }] })
  const popupOpened = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Open the scope-update page in a popup' }).click()
  const link = new URL((await popupOpened).url())
  expect(link.origin + link.pathname).toBe(`${appUrl}/access/cmc-scope-update`)
  const delivered = (await cmcRecords()).deliveries.find((event) => event.type === 'consent/scope-request-cmc')
  expect(Object.fromEntries(link.searchParams)).toEqual({
    scopeRequestEventId: delivered?.id,
    pryvApi: recipientPryvApi,
    scopeStreamId: grant.scopeStreamId,
    mode: 'popup',
  })
})
