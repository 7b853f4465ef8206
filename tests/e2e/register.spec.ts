import { demoPlatform } from './demoPlatform'
import { expect, test } from './fixtures'
import { callPaths, createButton, expectNoPasswordLeak, fillRegisterForm, newAccount } from './registerForm'
import { platformUrl } from './urls'

test('registering outside an auth request creates the account, then opens the user home', async ({
  page,
  consoleLines,
}) => {
  await page.goto('/access/register.html?referer=test-referer')
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible()
  // A single hosting leaves nothing to choose.
  await expect(page.getByText('Loading where your data can be kept…')).toHaveCount(0)
  await expect(page.getByLabel('Where your data is kept')).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'I already have an account' })).toHaveCount(0)
  await fillRegisterForm(page, newAccount('new-person'))

  const home = page.waitForURL(`${platformUrl}/new-person/`)
  await createButton(page).click()
  await expect(page.getByRole('heading', { name: 'Your account is ready' })).toBeVisible()
  await expect(page.getByRole('status')).toHaveText('Taking you to your account…')
  await home

  expect(await demoPlatform.user('new-person')).toMatchObject({
    email: 'new-person@example.com',
    hosting: 'demo-hosting',
    language: 'en',
    appId: 'pryv-app-web-auth-3',
    referer: 'test-referer',
  })
  expect(await demoPlatform.canSignIn('new-person', newAccount('x').password)).toBe(true)
  expect(callPaths(await demoPlatform.requests()).filter((path) => path === 'POST /reg/users')).toHaveLength(1)
  await expectNoPasswordLeak(page, consoleLines)
})

test('the page speaks the link language and registers the account in it', async ({ page, consoleLines }) => {
  await page.goto('/access/register?lang=fr')
  await expect(page.getByRole('heading', { name: 'Créer un compte' })).toBeVisible()
  await page.getByLabel('Adresse e-mail').fill('francoise@example.com')
  await page.getByLabel('Nom d’utilisateur').fill('francoise')
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newAccount('x').password)
  await page.getByLabel('Confirmez le nouveau mot de passe').fill(newAccount('x').password)
  const home = page.waitForURL(`${platformUrl}/francoise/`)
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await home

  const user = await demoPlatform.user('francoise')
  expect([user.language, user.referer]).toEqual(['fr', undefined])
  await expectNoPasswordLeak(page, consoleLines)
})

test('a server error is explained and "Try again" creates the account once', async ({ page, consoleLines }) => {
  await page.goto('/access/register')
  await fillRegisterForm(page, newAccount('retry-person'))
  await demoPlatform.faults([{ method: 'POST', path: '^/reg/users$', status: 500 }])
  await createButton(page).click()

  await expect(page.getByRole('alert')).toContainText('The platform had a problem. Try again in a moment.')
  expect(await demoPlatform.usernames()).not.toContain('retry-person')
  const home = page.waitForURL(`${platformUrl}/retry-person/`)
  await page.getByRole('button', { name: 'Try again' }).click()
  await home

  expect(await demoPlatform.user('retry-person')).toMatchObject({ email: 'retry-person@example.com' })
  expect(callPaths(await demoPlatform.requests()).filter((path) => path === 'POST /reg/users')).toHaveLength(2)
  await expectNoPasswordLeak(page, consoleLines)
})

test('a link naming an untrusted platform shows why and no form', async ({ page }) => {
  await page.goto('/access/register?pryvServiceInfoUrl=' + encodeURIComponent('https://evil.example/reg/service/info'))

  await expect(page.getByRole('heading', { name: 'This link cannot be trusted' })).toBeVisible()
  await expect(page.getByText('evil.example')).toBeVisible()
  await expect(page.locator('input[type="password"]')).toHaveCount(0)
  expect(callPaths(await demoPlatform.requests())).toEqual([])
})
