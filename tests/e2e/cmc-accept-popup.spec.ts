import type { Page } from '@playwright/test'
import { cmcRecords } from './cmcPlatform'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, signIn, test } from './fixtures'
import { appUrl, platformUrl } from './urls'

/** Opens the demo client page at `clientOrigin`, publishes the chosen offer there and waits for our page in its popup. */
async function openAcceptPopup(page: Page, offer: 'single-use' | 'choice', clientOrigin = platformUrl): Promise<Page> {
  await page.goto(`${clientOrigin}/demo-cmc-client/`)
  await page.getByLabel('Offer').selectOption(offer)
  const popupOpened = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Open the accept page in a popup' }).click()
  const popup = await popupOpened
  await expect(popup.getByRole('heading', { name: 'Join the sleep study' })).toBeVisible()
  return popup
}

test('accept in a popup with a choice: the mandatory entry locked, the opener gets the endpoint from our origin', async ({
  page,
}) => {
  const popup = await openAcceptPopup(page, 'choice')
  // Where the answer goes: the opener's host, named before the person answers.
  await expect(popup.getByText(`Your answer goes to ${new URL(platformUrl).host}.`)).toBeVisible()
  await signIn(popup, demoUser.username, demoUser.password)

  const health = popup.getByRole('checkbox', { name: 'Read “Health”' })
  await expect(health).toBeChecked()
  await expect(health).toBeDisabled()
  await expect(health).toHaveAccessibleDescription('Required by this request')
  await popup.getByRole('checkbox', { name: 'Read “Diary”' }).uncheck()
  const closed = popup.waitForEvent('close')
  await popup.getByRole('button', { name: 'Accept', exact: true }).click()
  await closed

  // The client page shows the message's `event.origin` as the browser gave it.
  await expect(page.locator('#returned-origin')).toHaveText(new URL(appUrl).origin)
  await expect(page.locator('#returned-type')).toHaveText('"cmc-accept-result"')
  await expect(page.locator('#returned-ok')).toHaveText('true')
  await expect(page.locator('#returned-dataGrantApiEndpoint')).toHaveText('(received; it carries a token)')
  const { triggers, grants } = await cmcRecords()
  const accept = triggers.find((trigger) => trigger.type === 'consent/accept-cmc')
  expect(accept?.status).toBe('completed')
  expect(accept?.content.grantedPermissions).toEqual([{ streamId: 'health', level: 'read', defaultName: 'Health' }])
  await expect(page.locator('#returned-acceptEventId')).toHaveText(JSON.stringify(accept?.id))
  const grant = grants.find((candidate) => candidate.username === demoUser.username)
  const granted = grant?.permissions.filter(
    (permission) => !('streamId' in permission && permission.streamId.startsWith(':_cmc:')),
  )
  expect(granted).toEqual([{ streamId: 'health', level: 'read' }])
  expect((await demoPlatform.user(demoUser.username)).openSessions).toBe(0)
})

test('an opener off the allowlist gets the answer without the endpoint', async ({ page }) => {
  // The same client page from another origin (localhost instead of 127.0.0.1): not on the test build's allowlist.
  const otherOrigin = platformUrl.replace('127.0.0.1', 'localhost')
  const popup = await openAcceptPopup(page, 'single-use', otherOrigin)
  await signIn(popup, demoUser.username, demoUser.password)
  const closed = popup.waitForEvent('close')
  await popup.getByRole('button', { name: 'Accept all' }).click()
  await closed

  await expect(page.locator('#returned-ok')).toHaveText('true')
  await expect(page.locator('#returned-origin')).toHaveText(new URL(appUrl).origin)
  const accept = (await cmcRecords()).triggers.find((trigger) => trigger.type === 'consent/accept-cmc')
  await expect(page.locator('#returned-acceptEventId')).toHaveText(JSON.stringify(accept?.id))
  await expect(page.locator('#returned-dataGrantApiEndpoint')).toHaveCount(0)
  expect(accept?.status).toBe('completed')
})
