import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'

const diaryRead = [{ streamId: 'diary', level: 'read', defaultName: 'Diary' }]

test('accepting creates the app access and tells the app', async ({ page }) => {
  const request = await openNewRequest(page, {
    requestingAppId: 'test-accept',
    requestedPermissions: [
      { streamId: 'diary', level: 'read', defaultName: 'Diary' },
      { streamId: 'new-notes', level: 'contribute', defaultName: 'My notes' },
      { feature: 'selfRevoke', setting: 'forbidden' },
    ],
  })
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  await expect(page.getByText('“test-accept” asks to access the data of demo-user')).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Read “Diary”' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Read and add to “My notes”' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'The app cannot revoke its own access.' })).toBeVisible()
  const logout = page.waitForRequest(
    (sent) => sent.method() === 'POST' && (sent.postData() ?? '').includes('auth.logout'),
  )
  await page.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  await logout

  const [access] = await demoPlatform.liveAccesses(demoUser.username, 'test-accept')
  expect(access?.type).toBe('app')
  expect(access?.permissions).toEqual([
    { streamId: 'diary', level: 'read' },
    { streamId: 'new-notes', level: 'contribute' },
    { feature: 'selfRevoke', setting: 'forbidden' },
  ])
  // The platform creates the new stream from the defaultName our page forwarded.
  const { streams } = await demoPlatform.user(demoUser.username)
  expect(streams).toContainEqual(expect.objectContaining({ id: 'new-notes', name: 'My notes' }))
  const state = await demoPlatform.pollState(request.poll)
  expect(state).toMatchObject({ status: 'ACCEPTED', username: demoUser.username, token: access?.token })
  expect(String(state.apiEndpoint)).toContain(`${access?.token}@`)
})

test('accepting replaces an access the app holds with other permissions', async ({ page }) => {
  const old = await demoPlatform.seedAccess(demoUser.username, {
    name: 'test-replace',
    permissions: [{ streamId: 'diary', level: 'manage' }],
  })
  const request = await openNewRequest(page, { requestingAppId: 'test-replace', requestedPermissions: diaryRead })
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('note')).toHaveText(
    '“test-replace” already has an access with other permissions. Accepting replaces it with this one.',
  )
  await page.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()

  const user = await demoPlatform.user(demoUser.username)
  const appAccesses = user.accesses.filter((access) => access.name === 'test-replace')
  expect(appAccesses.find((access) => access.id === old.id)?.deleted).toBeTruthy()
  const live = appAccesses.filter((access) => !access.deleted)
  expect(live).toHaveLength(1)
  expect(live[0]?.permissions).toEqual([expect.objectContaining({ streamId: 'diary', level: 'read' })])
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', token: live[0]?.token })
})

test('the consent shows the app message as sanitized markdown and all data in words', async ({ page }) => {
  await openNewRequest(page, {
    requestingAppId: 'test-message',
    requestedPermissions: [{ streamId: '*', level: 'read' }],
    clientData: {
      'app-web-auth:description': {
        type: 'note/txt',
        content: 'We **need** it. <img src=x onerror="window.hacked=1"> [bad](javascript:alert(1))',
      },
    },
  })
  await signIn(page, demoUser.username, demoUser.password)

  const message = page.locator('.consent-description')
  await expect(message.locator('strong')).toHaveText('need')
  await expect(message.locator('img')).toHaveCount(0)
  await expect(message.getByText('bad')).not.toHaveAttribute('href', /.*/)
  await expect(page.getByRole('listitem').filter({ hasText: 'Read all your data' })).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined()
})
