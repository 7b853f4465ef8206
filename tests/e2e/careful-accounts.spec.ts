import type { Page } from '@playwright/test'
import { accountSeed, demoPlatform } from './demoPlatform'
import { addAddressAndReadLink } from './emailVerification'
import { demoUser, expect, test } from './fixtures'

/*
 * Issue 26, item 9: usernames are public on Pryv (every account has a public API path), e-mail addresses are not.
 * No page tells whether an e-mail address has an account: the sign-in hub takes usernames only, the verify-email
 * page answers an address without an account as a link that does not work, the reset request answers alike.
 */
const hubWords = {
  en: { label: 'Username', unknown: 'No account has this username on this platform.' },
  fr: { label: 'Nom d’utilisateur', unknown: 'Aucun compte n’a ce nom d’utilisateur sur cette plateforme.' },
  de: { label: 'Benutzername', unknown: 'Kein Konto hat diesen Benutzernamen auf dieser Plattform.' },
  it: { label: 'Nome utente', unknown: 'Nessun account ha questo nome utente su questa piattaforma.' },
} as const

async function askHub(page: Page, label: string, login: string): Promise<string> {
  const field = page.getByLabel(label, { exact: true })
  await field.fill(login)
  await field.press('Enter')
  await expect(page.getByRole('alert')).toBeVisible()
  return page.getByRole('alert').innerText()
}

for (const [language, words] of Object.entries(hubWords)) {
  test(`sign-in hub (${language}): an e-mail address with an account and one without get the same answer, and neither is looked up`, async ({
    page,
  }) => {
    await page.goto(`/access/signinhub?lang=${language}`)
    const known = await askHub(page, words.label, demoUser.email)
    expect(known).toContain(words.unknown)
    await page.reload()
    expect(await askHub(page, words.label, 'nobody@example.com')).toBe(known)
    const paths = (await demoPlatform.requests()).map((request) => request.path)
    expect(paths.filter((path) => path.includes('%40') || path.includes('@'))).toEqual([])
    await expect(page).toHaveURL(/\/access\/signinhub/)
  })
}

test('verify-email: an address with another account and an address with none read the same, a link that does not work', async ({
  page,
}) => {
  const link = await addAddressAndReadLink('careful@example.com')
  const answers: string[] = []
  for (const login of [demoUser.email, 'nobody@example.com']) {
    await page.goto(link)
    await page.getByLabel('Username or e-mail').fill(login)
    await page.getByRole('button', { name: 'Verify my address' }).click()
    await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Verify your e-mail address')
    answers.push(await page.locator('main').innerText())
  }
  expect(answers[0]).toContain('This link is invalid or has expired')
  expect(answers[1]).toBe(answers[0])
  expect((await demoPlatform.user(accountSeed.username)).email).not.toBe('careful@example.com')
})
