import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'
import { platformUrl } from './urls'

const demoRed = 'rgb(163, 13, 34)'

test('the platform’s name, logo, favicon and stylesheet brand the page', async ({ page }) => {
  await openNewRequest(page)

  await expect(page.locator('.shell-logo')).toHaveAttribute('src', `${platformUrl}/demo-assets/logo.svg`)
  await expect(page.locator('.shell-name')).toHaveText('Demo Pryv.io')
  await expect(page).toHaveTitle('Demo Pryv.io')
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', `${platformUrl}/demo-assets/favicon.svg`)
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', demoRed)
})

test('dark mode follows the system, with the platform’s dark colours', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await openNewRequest(page)

  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(17, 22, 29)')
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCSS('background-color', 'rgb(255, 154, 168)')
})

test('without its assets the page keeps its own look and still signs in', async ({ page }) => {
  await demoPlatform.faults([{ method: 'GET', path: '^/demo-assets/', status: 500, times: 10 }])
  await openNewRequest(page)

  await expect(page.locator('.shell-name')).toHaveText('Demo Pryv.io')
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable()
  await expect(page.locator('.shell-logo')).toHaveAttribute('src', /^(?!http:\/\/127)/)
  expect(
    await page.locator('.shell-logo').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0),
  ).toBe(true)
  await expect(page.getByRole('button', { name: 'Sign in' })).not.toHaveCSS('background-color', demoRed)
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
})
