import { clickTwiceAtOnce } from './clicks'
import { cmcRecords, scopeUpdatePageLink, seedGrant } from './cmcPlatform'
import {
  demoClientUrl,
  grantOf,
  openScopeRequest,
  proposedScope,
  returnToApp,
  scopeAnswers,
  scopeUpdateType,
} from './cmcScopeFlow'
import { demoUser, expect, signIn, test } from './fixtures'
import { appUrl } from './urls'

test('accept: the person sees exactly what changes, the grant becomes that, the session ends and the app gets the answer by redirect', async ({
  page,
}) => {
  const { grant, request } = await openScopeRequest(page)
  await expect(page.getByText('An app asks to change its access to your data')).toBeVisible()
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: /asks to change its access to your data/ })).toContainText(
    'demo-study',
  )
  await expect(page.getByText('May the study also count your steps?')).toBeVisible()
  const group = (name: RegExp) => page.getByRole('region', { name })
  await expect(group(/^Added/).getByRole('listitem')).toHaveText(['Read and add to “Steps”'])
  await expect(group(/^Removed/).getByRole('listitem')).toHaveText(['Read “Diary”'])
  await expect(group(/^Unchanged/).getByRole('listitem')).toHaveText(['Read “Health”'])
  await expect(page.getByText(/^Answer by /)).toBeVisible()
  await expect(page.getByText(`Your answer goes to ${new URL(demoClientUrl).host}.`)).toBeVisible()

  const returned = returnToApp(page)
  const logout = page.waitForRequest((sent) => (sent.postData() ?? '').includes('auth.logout'))
  await page.getByRole('button', { name: 'Accept the change' }).click()
  await logout
  const result = await returned
  const [answer] = await scopeAnswers()
  expect(result).toEqual({ ok: true, updateEventId: answer?.id, action: 'accept' })
  expect(answer).toMatchObject({
    status: 'completed',
    streamIds: [request.scopeStreamId],
    content: {
      scopeRequestEventId: request.scopeRequestEventId,
      accept: true,
      accessId: grant.dataGrantAccessId,
      newPermissions: proposedScope,
    },
  })
  // The grant changed as shown: the plugin's :_cmc: entries kept, the person's entries now the proposed set.
  const after = await grantOf(grant.dataGrantAccessId)
  const personal = after.permissions.filter((entry) => !('streamId' in entry) || !entry.streamId.startsWith(':_cmc:'))
  expect(personal.map((entry) => ('streamId' in entry ? [entry.streamId, entry.level] : []))).toEqual([
    ['health', 'read'],
    ['steps', 'contribute'],
  ])
  expect(after.permissions.some((entry) => 'streamId' in entry && entry.streamId.startsWith(':_cmc:'))).toBe(true)
  // The requester was told.
  const told = (await cmcRecords()).deliveries.filter((event) => event.type === scopeUpdateType)
  expect(told).toEqual([
    expect.objectContaining({ username: 'demo-study', content: expect.objectContaining({ accept: true }) }),
  ])
})

test('popup: the opener gets the answer from our origin and the popup closes', async ({ page }) => {
  await seedGrant({ recipient: 'demo-user', permissions: [{ streamId: 'health', level: 'read' }] })
  await page.goto(demoClientUrl)
  const popupOpened = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Open the scope-update page in a popup' }).click()
  const popup = await popupOpened
  await signIn(popup, demoUser.username, demoUser.password)
  await expect(popup.getByRole('region', { name: /^Added/ }).getByRole('listitem')).toHaveText(['Read “Diary”'])
  const closed = popup.waitForEvent('close')
  await popup.getByRole('button', { name: 'Accept the change' }).click()
  await closed

  const [answer] = await scopeAnswers()
  await expect(page.locator('#returned-origin')).toHaveText(new URL(appUrl).origin)
  await expect(page.locator('#returned-ok')).toHaveText('true')
  await expect(page.locator('#returned-action')).toHaveText('"accept"')
  await expect(page.locator('#returned-updateEventId')).toHaveText(JSON.stringify(answer?.id))
})

test('a double click on Accept writes one answer', async ({ page }) => {
  await openScopeRequest(page)
  await signIn(page, demoUser.username, demoUser.password)
  const returned = returnToApp(page)
  await clickTwiceAtOnce(page.getByRole('button', { name: 'Accept the change' }))
  await returned
  expect(await scopeAnswers()).toHaveLength(1)
})

test('the link names no request on the account: explained, nothing written', async ({ page }) => {
  await seedGrant({ recipient: 'demo-user', permissions: [{ streamId: 'health', level: 'read' }] })
  await page.goto(scopeUpdatePageLink({ scopeRequestEventId: 'no-such-event' }))
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('alert')).toContainText('This request cannot be found on your account.')
  await expect(page.getByRole('button', { name: 'Accept the change' })).toHaveCount(0)
  expect(await scopeAnswers()).toEqual([])
})
