import {
  accessCard,
  accountSeed,
  expectAppsList,
  expectNoTokenInPage,
  seededAccess,
  signInToAccount,
} from './accountArea'
import { clickTwiceAtOnce } from './clicks'
import { demoPlatform } from './demoPlatform'
import { expect, test } from './fixtures'
import { pressAndExpectFocus } from './keyboard'

const { username, accessIds, names } = accountSeed

async function deletedIds(): Promise<string[]> {
  const user = await demoPlatform.user(username)
  return user.accesses.filter((access) => access.deleted !== undefined).map((access) => access.id)
}

test('removing an app takes what it created and its webhook; its tokens are then refused', async ({ page }) => {
  const [app, share] = [await seededAccess(accessIds.appDiary), await seededAccess(accessIds.diaryShare)]
  expect(await demoPlatform.tokenRefused(username, app.token)).toBe(false)
  await signInToAccount(page)
  await expectAppsList(page)
  await accessCard(page, names.appDiary).getByRole('button', { name: 'Remove access' }).click()

  const dialog = page.getByRole('dialog', { name: `Remove the access of “${names.appDiary}”?` })
  await expect(dialog).toContainText('diary-app can no longer read or change your data')
  await expect(dialog).toContainText(`The access it created goes with it: “${names.diaryShare}”.`)
  await expect(dialog).toContainText('Its webhook, which calls hooks.example.com, is deleted too.')
  expect(await deletedIds()).toEqual([])

  await dialog.getByRole('button', { name: 'Remove access' }).click()
  await expect(page.getByText(`“${names.appDiary}” can no longer reach your data.`)).toBeFocused()
  await expect(accessCard(page, names.appDiary)).toHaveCount(0)
  expect((await deletedIds()).sort()).toEqual([accessIds.appDiary, accessIds.diaryShare].sort())
  expect(
    (await demoPlatform.webhooks(username)).find((hook) => hook.id === accountSeed.webhook.id)?.deleted,
  ).toBeDefined()
  expect(await demoPlatform.tokenRefused(username, app.token)).toBe(true)
  expect(await demoPlatform.tokenRefused(username, share.token)).toBe(true)
  await expectNoTokenInPage(page)
})

test('removing an OAuth client removes its grant and every session row, and tells its app account', async ({
  page,
}) => {
  await signInToAccount(page)
  await expectAppsList(page)
  await accessCard(page, accountSeed.oauthClientId).getByRole('button', { name: 'Remove access' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('Its 2 open sessions end at once, and it cannot open new ones.')
  await dialog.getByRole('button', { name: 'Remove access' }).click()
  await expect(accessCard(page, accountSeed.oauthClientId)).toHaveCount(0)
  expect((await deletedIds()).sort()).toEqual([accessIds.oauthGrant, ...accessIds.oauthSessions].sort())
  const sessions = await Promise.all(accessIds.oauthSessions.slice(0, 2).map(seededAccess))
  for (const session of sessions) expect(await demoPlatform.tokenRefused(username, session.token)).toBe(true)
})

test('removing a CMC grant tells the requester', async ({ page }) => {
  await signInToAccount(page)
  await expectAppsList(page)
  await accessCard(page, accountSeed.cmcRequester).getByRole('button', { name: 'Remove access' }).click()
  await expect(page.getByRole('dialog')).toContainText(/demo-study on .+ is told that you withdrew it\./)
  await page.getByRole('dialog').getByRole('button', { name: 'Remove access' }).click()
  await expect(accessCard(page, accountSeed.cmcRequester)).toHaveCount(0)
  const revocations = await demoPlatform.cmcRevocations()
  expect(revocations.map((revocation) => [revocation.accessId, revocation.requester.username])).toEqual([
    [accessIds.cmcGrant, accountSeed.cmcRequester],
  ])
})

test("removing another app's personal session says that it stays signed in", async ({ page }) => {
  await signInToAccount(page)
  await expectAppsList(page)
  await accessCard(page, accountSeed.appIds.mobile).getByRole('button', { name: 'Remove access' }).click()
  await expect(page.getByRole('dialog')).toContainText(
    'This removes the entry only: pryv-mobile-app stays signed in until its session ends or it signs out',
  )
  await page.getByRole('dialog').getByRole('button', { name: 'Remove access' }).click()
  await expect(accessCard(page, accountSeed.appIds.mobile)).toHaveCount(0)
  expect(await deletedIds()).toEqual([accessIds.personalMobile])
})

test('a double click removes once', async ({ page }) => {
  await signInToAccount(page)
  await expectAppsList(page)
  await demoPlatform.faults([{ method: 'POST', path: `^/${username}/$`, delayMs: 500, times: 5 }])
  await accessCard(page, names.sharedLink).getByRole('button', { name: 'Remove access' }).click()
  const deletes: string[] = []
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.postData()?.includes('accesses.delete')) deletes.push(request.url())
  })
  await clickTwiceAtOnce(page.getByRole('dialog').getByRole('button', { name: 'Remove access' }))
  await expect(accessCard(page, names.sharedLink)).toHaveCount(0)
  expect(deletes).toHaveLength(1)
  expect(await deletedIds()).toEqual([accessIds.sharedLink])
})

test('a failed removal is said, nothing is lost, and trying again works', async ({ page }) => {
  await signInToAccount(page)
  await expectAppsList(page)
  await demoPlatform.faults([{ method: 'POST', path: `^/${username}/$`, status: 500, times: 1 }])
  await accessCard(page, names.sharedLink).getByRole('button', { name: 'Remove access' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('button', { name: 'Remove access' }).click()
  await expect(dialog.getByRole('alert')).toContainText('The platform')
  expect(await deletedIds()).toEqual([])
  await dialog.getByRole('button', { name: 'Keep it' }).click()
  await expect(accessCard(page, names.sharedLink)).toBeVisible()

  await accessCard(page, names.sharedLink).getByRole('button', { name: 'Remove access' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Remove access' }).click()
  await expect(accessCard(page, names.sharedLink)).toHaveCount(0)
  expect(await deletedIds()).toEqual([accessIds.sharedLink])
})

test('an access is removed with the keyboard alone', async ({ page }) => {
  await signInToAccount(page)
  await expectAppsList(page)
  const remove = accessCard(page, names.sharedLink).getByRole('button', { name: 'Remove access' })
  await remove.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('heading')).toBeFocused()
  // Escape keeps it, and the focus comes back to the button.
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(remove).toBeFocused()
  await page.keyboard.press('Enter')
  await pressAndExpectFocus(page, 'Tab', page.getByRole('dialog').getByRole('button', { name: 'Remove access' }))
  await page.keyboard.press('Enter')
  await expect(page.getByText(`“${names.sharedLink}” can no longer reach your data.`)).toBeFocused()
  expect(await deletedIds()).toEqual([accessIds.sharedLink])
})
