import { demoPlatform } from './demoPlatform'
import { demoUser, expect, test } from './fixtures'
import { platformUrl } from './urls'

const home = `${platformUrl}/${demoUser.username}/`

test("a username leads to the account's home on the platform", async ({ page }) => {
  await page.goto('/access/signinhub.html')
  await page.getByLabel('Username').fill(demoUser.username)
  await page.getByRole('button', { name: 'Continue' }).click()

  await page.waitForURL(home)
  await expect(page.getByRole('heading', { name: `Home of ${demoUser.username}` })).toBeVisible()
  const calls = (await demoPlatform.requests()).map((request) => `${request.method} ${request.path}`)
  expect(calls).toEqual(expect.arrayContaining([`POST /reg/${demoUser.username}/server`, `GET /${demoUser.username}/`]))
})

test('an unknown user is told so and stays on the page', async ({ page }) => {
  await page.goto('/access/signinhub')
  await page.getByLabel('Username').fill('nobody-here')
  await page.getByRole('button', { name: 'Continue' }).click()

  await expect(page.getByRole('alert')).toContainText('No account has this username on this platform.')
  await expect(page).toHaveURL(/\/access\/signinhub$/)
  expect((await demoPlatform.requests()).some((request) => request.path === '/nobody-here/')).toBe(false)
})

test('the hub links to the password reset', async ({ page }) => {
  await page.goto('/access/signinhub')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()

  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible()
  await expect(page).toHaveURL(/\/access\/reset-password$/)
})

test('the hub links to registration, under its legacy name too', async ({ page }) => {
  await page.goto('/access/signinhub.html')
  await page.getByRole('link', { name: 'Create an account' }).click()

  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible()
  await expect(page).toHaveURL(/\/access\/register$/)
})
