import { cmcRecords } from './cmcPlatform'
import { grantOf, openScopeRequest, returnToApp, scopeAnswers, scopeUpdateType } from './cmcScopeFlow'
import { demoUser, expect, signIn, test } from './fixtures'

test('refuse with a reason: the grant stays as it was, the reason reaches the requester, the app gets the refusal', async ({
  page,
}) => {
  const { grant, request } = await openScopeRequest(page)
  const before = await grantOf(grant.dataGrantAccessId)
  await signIn(page, demoUser.username, demoUser.password)
  const reason = page.getByLabel('Reason for refusing (optional)')
  await expect(reason).toHaveAccessibleDescription('Sent to demo-study with your refusal.')
  await reason.fill('Not my steps, thank you.')
  const returned = returnToApp(page)
  await page.getByRole('button', { name: 'Refuse' }).click()
  const result = await returned

  const answers = await scopeAnswers()
  expect(answers).toEqual([
    expect.objectContaining({
      status: 'completed',
      content: expect.objectContaining({
        scopeRequestEventId: request.scopeRequestEventId,
        accept: false,
        reason: { en: 'Not my steps, thank you.' },
      }),
    }),
  ])
  expect(answers[0]?.content).not.toHaveProperty('newPermissions')
  expect(result).toEqual({ ok: true, updateEventId: answers[0]?.id, action: 'refuse' })
  expect((await grantOf(grant.dataGrantAccessId)).permissions).toEqual(before.permissions)
  expect(before.permissions).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ streamId: 'health', level: 'read' }),
      expect.objectContaining({ streamId: 'diary', level: 'read' }),
    ]),
  )
  const told = (await cmcRecords()).deliveries.filter((event) => event.type === scopeUpdateType)
  expect(told).toEqual([
    expect.objectContaining({
      username: 'demo-study',
      content: expect.objectContaining({ accept: false, reason: { en: 'Not my steps, thank you.' } }),
    }),
  ])
})

test('refuse without a reason sends none', async ({ page }) => {
  const { grant } = await openScopeRequest(page)
  const before = await grantOf(grant.dataGrantAccessId)
  await signIn(page, demoUser.username, demoUser.password)
  const returned = returnToApp(page)
  await page.getByRole('button', { name: 'Refuse' }).click()
  expect(await returned).toMatchObject({ ok: true, action: 'refuse' })
  const [answer] = await scopeAnswers()
  expect(answer?.content).toMatchObject({ scopeRequestEventId: expect.any(String), accept: false })
  expect(answer?.content).not.toHaveProperty('reason')
  expect((await grantOf(grant.dataGrantAccessId)).permissions).toEqual(before.permissions)
})
