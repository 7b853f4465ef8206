import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, test } from './fixtures'
import { englishPieces } from './localeText'

// One run per language through the auth popup and the other pages, failing on any of our English
// sentences left on screen, and checking the duration is written by Intl in that language.
test.describe.configure({ timeout: 90_000 })

async function expectNoEnglish(page: Page, language: string, where: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', language)
  const text = await page.locator('main').innerText()
  // Whole words only: the English "Continue" is not left in the French "Continuer".
  const shown = (piece: string) =>
    new RegExp(`(?<!\\p{L})${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text)
  expect(englishPieces(language).filter(shown), `English left on ${where}`).toEqual([])
}

const languages = [
  {
    language: 'fr',
    signIn: 'Connexion',
    consent: 'Donner accès à vos données ?',
    submit: 'Se connecter',
    oneDay: '1 jour',
    register: 'Créer un compte',
    create: 'Créer mon compte',
    reset: 'Réinitialiser votre mot de passe',
    change: 'Changer votre mot de passe',
    hub: 'Accéder à votre compte',
  },
  {
    language: 'de',
    signIn: 'Anmelden',
    consent: 'Zugriff auf Ihre Daten gewähren?',
    submit: 'Anmelden',
    oneDay: '1 Tag',
    register: 'Konto erstellen',
    create: 'Mein Konto erstellen',
    reset: 'Passwort zurücksetzen',
    change: 'Ihr Passwort ändern',
    hub: 'Zu Ihrem Konto',
  },
  {
    language: 'it',
    signIn: 'Accedi',
    consent: 'Concedere l’accesso ai tuoi dati?',
    submit: 'Accedi',
    oneDay: '1 giorno',
    register: 'Crea un account',
    create: 'Crea il mio account',
    reset: 'Reimposta la password',
    change: 'Cambia la tua password',
    hub: 'Vai al tuo account',
  },
]

for (const words of languages) {
  test(`every page in ${words.language}, from the request's language and from the link's`, async ({ page }) => {
    const { language } = words
    // The auth popup takes the language of the access state. The demo's v2 state leaves `expireAfter`
    // out (docs/platform-api.md): it is added here as a platform that sends it would, to see the duration written.
    const request = await demoPlatform.createAuthRequest({ languageCode: language, requestingAppId: 'test-languages' })
    await page.route(request.poll, async (route) => {
      if (route.request().method() !== 'GET') return route.continue()
      const response = await route.fetch()
      await route.fulfill({ response, json: { ...((await response.json()) as object), expireAfter: 86400 } })
    })
    await page.goto(request.authUrl)
    await expect(page.getByRole('heading', { name: words.signIn })).toBeVisible()
    await expectNoEnglish(page, language, 'sign-in')
    const password = page.locator('input[autocomplete="current-password"]')
    await page.locator('input[autocomplete="username"]').fill(demoUser.username)
    await password.fill('wrong-password-1')
    await password.press('Enter')
    await expect(password).toHaveAttribute('aria-invalid', 'true')
    await expectNoEnglish(page, language, 'sign-in error')
    await password.fill(demoUser.password)
    await password.press('Enter')
    await expect(page.getByRole('heading', { name: words.consent })).toBeVisible()
    await expect(page.locator('main')).toContainText(words.oneDay)
    await expectNoEnglish(page, language, 'consent')

    // The other pages take the language of the link.
    await page.goto(`/access/register?lang=${language}`)
    await page.getByRole('button', { name: words.create }).click()
    await expect(page.locator('[aria-invalid="true"]').first()).toBeFocused()
    await expectNoEnglish(page, language, 'register with errors')
    for (const [path, heading] of [
      ['reset-password', words.reset],
      ['change-password', words.change],
      ['signinhub', words.hub],
    ] as const) {
      await page.goto(`/access/${path}?lang=${language}`)
      await expect(page.getByRole('heading', { name: heading })).toBeVisible()
      await expectNoEnglish(page, language, path)
    }
  })
}

test.describe('without a language in the link', () => {
  test("the browser's first supported language is used, and the link's outranks it", async ({ page }) => {
    // Playwright's `locale` sets one language; a person's browser often lists several, the first unsupported here.
    await page.addInitScript(() =>
      Object.defineProperty(navigator, 'languages', { get: () => ['es-ES', 'de-CH', 'fr'] }),
    )
    await page.goto('/access/signinhub')
    await expect(page.getByRole('heading', { name: 'Zu Ihrem Konto' })).toBeVisible()
    await page.goto('/access/signinhub?lang=it')
    await expect(page.getByRole('heading', { name: 'Vai al tuo account' })).toBeVisible()
  })
})

test.describe('with no supported language anywhere', () => {
  test.use({ locale: 'es-ES' })
  test('the page is in English', async ({ page }) => {
    await page.goto('/access/signinhub?lang=xx')
    await expect(page.getByRole('heading', { name: 'Go to your account' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })
})
