import { demoPlatform } from './demoPlatform'
import { expect, mfaUser, openNewRequest, test } from './fixtures'

// The MFA step's words come with its code, not with the first load: they must still follow the page's language.
test('the MFA step speaks the request’s language and follows a switch made on it', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-mfa-language', languageCode: 'fr' })
  await page.getByLabel('Nom d’utilisateur ou e-mail').fill(mfaUser.username)
  await page.getByLabel('Mot de passe', { exact: true }).fill(mfaUser.password)
  await page.getByRole('button', { name: 'Se connecter' }).click()

  await expect(page.getByRole('heading', { name: 'Saisissez votre code de vérification' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'J’ai perdu mon téléphone' })).toBeVisible()

  await page.getByLabel('Langue').selectOption('de')
  await expect(page.getByRole('heading', { name: 'Geben Sie Ihren Bestätigungscode ein' })).toBeVisible()
  await page.getByLabel('Bestätigungscode').fill(await demoPlatform.lastSmsCode(mfaUser.username))
  await page.getByRole('button', { name: 'Bestätigen' }).click()
  await expect(page.getByRole('heading', { name: 'Zugriff auf Ihre Daten gewähren?' })).toBeVisible()
  await page.getByRole('button', { name: 'Annehmen' }).click()
  await expect(page.getByRole('heading', { name: 'Erledigt' })).toBeVisible()
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', username: mfaUser.username })
})
