import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, test } from './fixtures'

test('the language switch changes the page at once, keeps what was typed, and outranks the request’s language', async ({
  page,
}) => {
  // The request says English and is slow to load: the user's French choice must survive its arrival.
  await demoPlatform.faults([{ method: 'GET', path: '^/reg/access/', delayMs: 1500 }])
  await openNewRequest(page, { languageCode: 'en' })
  await page.getByLabel('Username or e-mail').fill(demoUser.username)

  await page.getByLabel('Language').selectOption('fr')
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
  await expect(page.getByLabel('Nom d’utilisateur ou e-mail')).toHaveValue(demoUser.username)

  await page.getByLabel('Mot de passe', { exact: true }).fill(demoUser.password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('heading', { name: 'Donner accès à vos données ?' })).toBeVisible()
  await expect(page.getByLabel('Langue')).toHaveValue('fr')
})
