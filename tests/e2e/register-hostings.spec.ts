import { demoPlatform } from './demoPlatform'
import { expect, test } from './fixtures'
import { createButton, newAccount } from './registerForm'
import { platformUrl, serviceInfoUrl } from './urls'

const core = `${platformUrl}/`
const hosting = (name: string, available: boolean, description: string, descriptionFr: string) => ({
  url: core,
  name,
  description,
  localizedDescription: { en: description, fr: descriptionFr },
  available,
  availableCore: core,
})

const hostings = {
  regions: {
    europe: {
      name: 'Europe',
      localizedName: { fr: 'Europe' },
      zones: {
        switzerland: {
          name: 'Switzerland',
          localizedName: { fr: 'Suisse' },
          hostings: {
            'ch-full': hosting('Geneva', false, 'Full for now', 'Complet pour le moment'),
            'ch-open': hosting('Lausanne', true, 'Data kept in Lausanne', 'Données gardées à Lausanne'),
          },
        },
      },
    },
    america: {
      name: 'America',
      localizedName: { fr: 'Amérique' },
      zones: {
        canada: {
          name: 'Canada',
          localizedName: { fr: 'Canada' },
          hostings: { 'ca-open': hosting('Montreal', true, 'Data kept in Montreal', 'Données gardées à Montréal') },
        },
      },
    },
  },
}

test('several hostings are offered by region and zone, first available chosen, in the page language', async ({
  page,
}) => {
  await demoPlatform.setHostings(hostings)
  await page.goto('/access/register?lang=fr')

  const select = page.getByLabel('Où vos données sont gardées')
  await expect(select).toHaveValue('ch-open')
  await expect(select).toHaveAccessibleDescription('Données gardées à Lausanne')
  await expect(select.locator('optgroup')).toHaveCount(2)
  await expect(select.locator('optgroup').first()).toHaveAttribute('label', 'Europe – Suisse')
  await expect(select.locator('optgroup').last()).toHaveAttribute('label', 'Amérique – Canada')
  await expect(select.locator('option[value="ch-full"]')).toBeDisabled()

  await select.selectOption('ca-open')
  await expect(select).toHaveAccessibleDescription('Données gardées à Montréal')
  await page.getByLabel('Adresse e-mail').fill('montreal-person@example.com')
  await page.getByLabel('Nom d’utilisateur').fill('montreal-person')
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(newAccount('x').password)
  await page.getByLabel('Confirmez le nouveau mot de passe').fill(newAccount('x').password)
  const home = page.waitForURL(`${platformUrl}/montreal-person/`)
  await page.getByRole('button', { name: 'Créer mon compte' }).click()
  await home

  expect(await demoPlatform.user('montreal-person')).toMatchObject({ hosting: 'ca-open', language: 'fr' })
})

test('a platform with no hosting available says so and offers no creation', async ({ page }) => {
  await demoPlatform.setHostings({
    regions: {
      europe: {
        name: 'Europe',
        zones: { ch: { name: 'Switzerland', hostings: { 'ch-full': hosting('Geneva', false, 'Full', 'Complet') } } },
      },
    },
  })
  await page.goto('/access/register')

  await expect(page.getByText('This platform does not accept new accounts at the moment.')).toBeVisible()
  await expect(createButton(page)).toBeDisabled()
})

test('hostings that fail to load are explained and loaded again on request', async ({ page }) => {
  await demoPlatform.faults([{ method: 'GET', path: '^/reg/hostings$', status: 503 }])
  await page.goto('/access/register')

  await expect(page.getByRole('alert').filter({ hasText: 'The platform had a problem.' })).toBeVisible()
  await demoPlatform.setHostings(hostings)
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByLabel('Where your data is kept')).toHaveValue('ch-open')
})

test('the terms of use link comes from service info', async ({ page }) => {
  await page.goto('/access/register')

  const terms = page.getByRole('link', { name: 'terms of use' })
  await expect(terms).toHaveAttribute('href', 'https://example.com/terms')
  await expect(terms).toHaveAttribute('target', '_blank')
  await expect(terms).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(page.getByText('By creating an account, you accept the terms of use.')).toBeVisible()
})

test('terms that are not a web address are shown as text, never as a link', async ({ page }) => {
  await page.route(serviceInfoUrl, async (route) => {
    const info = (await (await route.fetch()).json()) as Record<string, unknown>
    await route.fulfill({ json: { ...info, terms: 'javascript:alert(1) <b>Be kind</b>' } })
  })
  await page.goto('/access/register')

  await expect(page.getByText('Terms of use: javascript:alert(1) <b>Be kind</b>')).toBeVisible()
  await expect(page.getByRole('link', { name: /terms/i })).toHaveCount(0)
})
