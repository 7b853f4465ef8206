import { cmcRecords, settledTrigger } from './cmcPlatform'
import { cmcClientUrl, openAcceptByRedirect, redirectedResult } from './cmcAcceptFlow'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, signIn, test } from './fixtures'

test('accept by redirect: the offer before sign-in, the grant created, the endpoint handed to the allowlisted app', async ({
  page,
}) => {
  const offer = await openAcceptByRedirect(page)
  // Read through the capability before anything is asked, and out of the address bar once read.
  await expect(page.getByRole('heading', { name: 'Join the sleep study' })).toBeVisible()
  await expect(
    page.getByText('Demo Study invites you to share data from your account. Sign in to answer.'),
  ).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Health' })).toBeVisible()
  expect(new URL(page.url()).searchParams.has('capabilityUrl')).toBe(false)

  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'Share your data with Demo Study?' })).toBeVisible()
  await expect(page.getByText('I agree that Demo Study reads my health data.')).toBeVisible()
  const result = redirectedResult(page)
  await page.getByRole('button', { name: 'Accept all' }).click()

  const returned = await result
  const { triggers, grants, capabilities, inbox } = await cmcRecords()
  const accept = triggers.find((trigger) => trigger.type === 'consent/accept-cmc')
  expect(accept).toMatchObject({
    username: demoUser.username,
    streamIds: [':_cmc:apps:study'],
    status: 'completed',
    content: { capabilityUrl: offer.capabilityUrl },
  })
  // All or nothing: the page sends no list, the platform grants the whole offer.
  expect(accept?.content).not.toHaveProperty('grantedPermissions')
  const grant = grants.find((candidate) => candidate.username === demoUser.username)
  expect(grant?.permissions).toEqual(expect.arrayContaining([{ streamId: 'health', level: 'read' }]))
  expect(returned).toEqual({ ok: true, acceptEventId: accept?.id, dataGrantApiEndpoint: grant?.apiEndpoint })
  expect(capabilities).toEqual([expect.objectContaining({ consumed: true })])
  expect(inbox).toEqual(
    expect.arrayContaining([expect.objectContaining({ username: 'demo-study', type: 'consent/accept-cmc' })]),
  )
  await expect(page.locator('#returned-ok')).toHaveText('true')
  expect(page.url()).toBe(cmcClientUrl)
  expect((await demoPlatform.user(demoUser.username)).openSessions).toBe(0)
  expect((await settledTrigger('consent/accept-cmc', demoUser.username)).status).toBe('completed')
})
