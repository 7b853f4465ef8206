import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'

/*
 * Issue 12, defect 1: a real open-pryv.io refuses feature permissions
 * (`{ feature, setting }`) in accesses.checkApp but stores them with
 * accesses.create. The page checks the stream entries only, shows the features
 * in words, creates the access with them, and reuses an access only when its
 * features are the requested ones.
 */

const diary = { streamId: 'diary', level: 'read', defaultName: 'Diary' }
const selfRevoke = { feature: 'selfRevoke', setting: 'forbidden' }
const consentTitle = 'Give access to your data?'

/** The `requestedPermissions` of each accesses.checkApp the page sends. */
function recordCheckApps(page: Page): unknown[] {
  const checked: unknown[] = []
  page.on('request', (request) => {
    let body: unknown
    try {
      body = request.postDataJSON()
    } catch {
      return
    }
    if (!Array.isArray(body)) return
    for (const call of body as Array<{ method?: string; params?: { requestedPermissions?: unknown } }>) {
      if (call.method === 'accesses.checkApp') checked.push(call.params?.requestedPermissions)
    }
  })
  return checked
}

function permissionsShown(page: Page) {
  return page.getByRole('dialog', { name: consentTitle }).getByRole('listitem')
}

async function acceptAndFinish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
}

test('a request with a feature permission reaches the consent, which says it, and the access carries it', async ({
  page,
}) => {
  const checked = recordCheckApps(page)
  const request = await openNewRequest(page, {
    requestingAppId: 'test-feature',
    requestedPermissions: [diary, selfRevoke],
  })
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: consentTitle })).toBeVisible()
  await expect(permissionsShown(page)).toHaveText(['Read “Diary”', 'The app cannot revoke its own access.'])
  expect(checked).toEqual([[diary]])
  await acceptAndFinish(page)

  const accesses = await demoPlatform.liveAccesses(demoUser.username, 'test-feature')
  expect(accesses.map((access) => access.permissions)).toEqual([[{ streamId: 'diary', level: 'read' }, selfRevoke]])
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', token: accesses[0]?.token })
})

test('a request of feature permissions only is checked with no stream and granted', async ({ page }) => {
  const checked = recordCheckApps(page)
  const request = await openNewRequest(page, {
    requestingAppId: 'test-feature-only',
    requestedPermissions: [selfRevoke],
  })
  await signIn(page, demoUser.username, demoUser.password)

  await expect(permissionsShown(page)).toHaveText(['The app cannot revoke its own access.'])
  expect(checked).toEqual([[]])
  await acceptAndFinish(page)

  const accesses = await demoPlatform.liveAccesses(demoUser.username, 'test-feature-only')
  expect(accesses.map((access) => access.permissions)).toEqual([[selfRevoke]])
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', token: accesses[0]?.token })
})

test('an access with the same streams but without the requested feature is not reused: the consent replaces it', async ({
  page,
}) => {
  const old = await demoPlatform.seedAccess(demoUser.username, {
    name: 'test-feature-missing',
    permissions: [{ streamId: 'diary', level: 'read' }],
  })
  const request = await openNewRequest(page, {
    requestingAppId: 'test-feature-missing',
    requestedPermissions: [diary, selfRevoke],
  })
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: consentTitle })).toBeVisible()
  await expect(page.getByRole('note')).toHaveText(
    '“test-feature-missing” already has an access with other permissions. Accepting replaces it with this one.',
  )
  await expect(permissionsShown(page)).toHaveText(['Read “Diary”', 'The app cannot revoke its own access.'])
  // The check-app answer said "matching": the app was not answered with the old access.
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'NEED_SIGNIN' })
  await acceptAndFinish(page)

  const user = await demoPlatform.user(demoUser.username)
  const appAccesses = user.accesses.filter((access) => access.name === 'test-feature-missing')
  expect(appAccesses.find((access) => access.id === old.id)?.deleted).toBeTruthy()
  const live = appAccesses.filter((access) => !access.deleted)
  expect(live.map((access) => access.permissions)).toEqual([[{ streamId: 'diary', level: 'read' }, selfRevoke]])
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', token: live[0]?.token })
})

test('an access that already holds the features is replaced by one alike, never doubled', async ({ page }) => {
  // The platform compares only the permissions it was sent: with the features held back, it reports this access mismatching.
  const old = await demoPlatform.seedAccess(demoUser.username, {
    name: 'test-feature-again',
    permissions: [{ streamId: 'diary', level: 'read' }, selfRevoke],
  })
  const request = await openNewRequest(page, {
    requestingAppId: 'test-feature-again',
    requestedPermissions: [diary, selfRevoke],
  })
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('note')).toBeVisible()
  await acceptAndFinish(page)

  const live = await demoPlatform.liveAccesses(demoUser.username, 'test-feature-again')
  expect(live).toHaveLength(1)
  expect(live[0]?.id).not.toBe(old.id)
  expect(live[0]?.permissions).toEqual([{ streamId: 'diary', level: 'read' }, selfRevoke])
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', token: live[0]?.token })
})
