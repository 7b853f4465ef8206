import { clickTwiceAtOnce } from './clicks'
import { acceptPageLink, cmcRecords, publishOffer, settledTrigger } from './cmcPlatform'
import { cmcClientUrl, openAcceptByRedirect, redirectedResult } from './cmcAcceptFlow'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, signIn, test } from './fixtures'

test('refuse after sign-in writes consent/refuse-cmc and reports the refusal as done despite the delivery bug', async ({
  page,
}) => {
  const offer = await openAcceptByRedirect(page)
  await signIn(page, demoUser.username, demoUser.password)
  const result = redirectedResult(page)
  await page.getByRole('button', { name: 'Refuse' }).click()

  const returned = await result
  const refusal = (await cmcRecords()).triggers.find((trigger) => trigger.type === 'consent/refuse-cmc')
  expect(refusal).toMatchObject({
    username: demoUser.username,
    streamIds: [':_cmc:apps:study'],
    content: { capabilityUrl: offer.capabilityUrl },
  })
  expect(returned).toEqual({ ok: false, reason: 'user-refused', refuseEventId: refusal?.id })
  // The platform as observed fails to deliver refusals: the person's answer still counts as given.
  const settled = await settledTrigger('consent/refuse-cmc', demoUser.username)
  expect([settled.status, settled.failure?.reason]).toEqual(['failed', 'cmc-handler-delivery-failed'])
  expect((await cmcRecords()).grants).toEqual([])
  expect((await demoPlatform.user(demoUser.username)).openSessions).toBe(0)
})

test('Cancel before sign-in writes nothing and hands back user-cancelled', async ({ page }) => {
  await openAcceptByRedirect(page)
  const result = redirectedResult(page)
  await page.getByRole('button', { name: 'Cancel' }).click()

  expect(await result).toEqual({ ok: false, reason: 'user-cancelled' })
  const { triggers } = await cmcRecords()
  expect(triggers.filter((trigger) => trigger.username === demoUser.username)).toEqual([])
  expect((await demoPlatform.tokens()).filter((token) => token.username === demoUser.username)).toEqual([])
})

test('MFA: the code from the SMS opens the session, then the accept completes', async ({ page }) => {
  await openAcceptByRedirect(page)
  await signIn(page, mfaUser.username, mfaUser.password)
  // The code is sent by the sign-in: read it once the code field shows.
  const codeField = page.getByLabel('Verification code')
  await expect(codeField).toHaveAttribute('autocomplete', 'one-time-code')
  await codeField.fill(await demoPlatform.lastSmsCode(mfaUser.username))
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByText(`Signed in as ${mfaUser.username}.`)).toBeVisible()
  const result = redirectedResult(page)
  await page.getByRole('button', { name: 'Accept all' }).click()

  expect(await result).toMatchObject({ ok: true })
  const accept = (await cmcRecords()).triggers.find((trigger) => trigger.type === 'consent/accept-cmc')
  expect(accept).toMatchObject({ username: mfaUser.username, status: 'completed' })
})

test('a double click on Accept writes one answer', async ({ page }) => {
  await openAcceptByRedirect(page)
  await signIn(page, demoUser.username, demoUser.password)
  const result = redirectedResult(page)
  await clickTwiceAtOnce(page.getByRole('button', { name: 'Accept all' }))

  expect(await result).toMatchObject({ ok: true })
  const { triggers, grants } = await cmcRecords()
  expect(triggers.filter((trigger) => trigger.type === 'consent/accept-cmc')).toHaveLength(1)
  expect(grants).toHaveLength(1)
})

test('a second tab answering the same invitation is told it was already answered; Back writes nothing', async ({
  page,
  context,
}) => {
  const { capabilityUrl } = await publishOffer()
  const link = acceptPageLink({ capabilityUrl, mode: 'redirect', returnUrl: cmcClientUrl })
  const second = await context.newPage()
  await second.goto(link)
  await page.goto(link)
  await signIn(page, demoUser.username, demoUser.password)
  const result = redirectedResult(page)
  await page.getByRole('button', { name: 'Accept all' }).click()
  expect(await result).toMatchObject({ ok: true })

  // The second tab still shows the offer (a used capability can be read): only the accept reveals it is consumed.
  await signIn(second, demoUser.username, demoUser.password)
  await second.getByRole('button', { name: 'Accept all' }).click()
  await expect(second.getByRole('heading', { name: 'The invitation could not be accepted' })).toBeVisible()
  await expect(second.getByText('This invitation has already been answered (it can be used only once).')).toBeVisible()
  const secondResult = redirectedResult(second)
  await second.getByRole('button', { name: 'Back to the app' }).click()
  const accepts = (await cmcRecords()).triggers.filter((trigger) => trigger.type === 'consent/accept-cmc')
  expect(await secondResult).toEqual({ ok: false, reason: 'cmc-capability-consumed', acceptEventId: accepts[1]?.id })
  expect(accepts.map((trigger) => trigger.status)).toEqual(['completed', 'failed'])
  expect((await cmcRecords()).grants).toHaveLength(1)

  // Back from the app: the address no longer holds the capability, so nothing can be answered again.
  await page.goBack()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  expect((await cmcRecords()).triggers.filter((trigger) => trigger.type === 'consent/accept-cmc')).toHaveLength(2)
})
