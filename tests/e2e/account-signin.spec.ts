import { accessCard, accountSeed, expectAppsList, expectNoTokenInPage, signInToAccount } from './accountArea'
import { demoPlatform } from './demoPlatform'
import { expect, mfaUser, test } from './fixtures'
import { openSessions, recordApiMethods } from './security'

const { username, email, password, accessIds } = accountSeed

test('signs in with a username, marks its own session, and signs out through the platform', async ({ page }) => {
  const methods = recordApiMethods(page)
  await signInToAccount(page)
  await expectAppsList(page)
  const own = accessCard(page, accountSeed.appIds.web)
  await expect(own).toContainText('This page: the session you are using now.')
  await expect(own.getByRole('button', { name: 'Remove access' })).toHaveCount(0)
  await expectNoTokenInPage(page)
  expect(await openSessions(username)).toBe(2)

  await page.getByRole('button', { name: 'Sign out' }).first().click()
  await expect(page.getByText('You are signed out.')).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible()
  expect(methods.filter((method) => method === 'auth.logout')).toHaveLength(1)
  // Only the page's session ended: the mobile app's lives on.
  expect(await openSessions(username)).toBe(1)
})

test('signs in with an e-mail address', async ({ page }) => {
  await signInToAccount(page, 'account', email)
  await expectAppsList(page)
  await expect(page.getByText(`Signed in as ${username}`)).toBeVisible()
})

test('signs in to an MFA account with the code sent by SMS', async ({ page }) => {
  await signInToAccount(page, 'account', mfaUser.username, mfaUser.password)
  await expect(page.getByLabel('Verification code')).toBeVisible()
  await page.getByLabel('Verification code').fill(await demoPlatform.lastSmsCode(mfaUser.username))
  await page.getByRole('button', { name: 'Verify' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Apps and access' })).toBeVisible()
  await expect(accessCard(page, 'pryv-app-web-auth-3')).toContainText('This page')
})

test('a reload asks to sign in again, and says why; nothing of the session is kept', async ({ page }) => {
  await signInToAccount(page)
  await expectAppsList(page)
  await page.reload()
  await expect(
    page.getByText('This page keeps your session in its memory only: after a reload, sign in again.'),
  ).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Apps and access' })).toHaveCount(0)
})

test('the account area answers at account.html and at a section address loaded directly', async ({ page }) => {
  await signInToAccount(page, 'account.html')
  await expectAppsList(page)
  await signInToAccount(page, `account/apps/${accessIds.appDiary}`)
  await expect(page.getByRole('heading', { level: 1, name: 'diary-app' })).toBeVisible()
  await signInToAccount(page, 'account/security')
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible()
})

test('an ended session brings the sign-in back; the removal it cut off is offered again, not repeated', async ({
  page,
}) => {
  await signInToAccount(page)
  await expectAppsList(page)
  await demoPlatform.expireSessions(username)

  await accessCard(page, accountSeed.names.sharedLink).getByRole('button', { name: 'Remove access' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Remove access' }).click()
  await expect(page.getByText('Your session has ended. Sign in again to go on.')).toBeVisible()
  expect(
    (await demoPlatform.user(username)).accesses.find((access) => access.id === accessIds.sharedLink)?.deleted,
  ).toBeUndefined()

  await page.getByLabel('Username or e-mail').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  const notice = page.getByText(
    `Your session ended while you were removing the access of “${accountSeed.names.sharedLink}”: it was not removed.`,
  )
  await expect(notice).toBeVisible()
  expect(
    (await demoPlatform.user(username)).accesses.find((access) => access.id === accessIds.sharedLink)?.deleted,
  ).toBeUndefined()

  await page.getByRole('button', { name: 'Review and remove' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Remove access' }).click()
  await expect(page.getByText(`“${accountSeed.names.sharedLink}” can no longer reach your data.`)).toBeVisible()
  expect(
    (await demoPlatform.user(username)).accesses.find((access) => access.id === accessIds.sharedLink)?.deleted,
  ).toBeDefined()
})

test('the sign-in hub leads to the account area', async ({ page }) => {
  await page.goto('/access/signinhub.html')
  await page.getByRole('link', { name: 'See and remove what can reach your data' }).click()
  await expect(page.getByText('Sign in to see every app and person that can reach your data')).toBeVisible()
  await expect(page).toHaveURL(/\/access\/account$/)
})
