import type { Page } from '@playwright/test'
import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { accountSeed, demoPlatform } from './demoPlatform'
import { accountEmails, addAddressAndReadLink, verifyCalls, withUsername } from './emailVerification'
import { expect, test } from './fixtures'
import { pressAndExpectFocus, typeInto } from './keyboard'

const address = 'new-address@example.com'
const invalidMessage = 'This link is invalid or has expired; request a new one from your account’s profile.'

const heading = (page: Page) => page.getByRole('heading', { level: 1 })
const accountLink = (page: Page) => page.getByRole('link', { name: 'Go to your account' })

async function verifyAs(page: Page, login: string): Promise<void> {
  await page.getByLabel('Username or e-mail').fill(login)
  await page.getByRole('button', { name: 'Verify my address' }).click()
}

async function expectVerified(page: Page): Promise<void> {
  await expect(heading(page)).toHaveText('E-mail address verified')
  await expect(page.getByText(`${address} is verified.`)).toBeVisible()
  await expect(accountLink(page)).toHaveAttribute('href', '/access/account')
  expect((await accountEmails()).find((item) => item.value === address)).toMatchObject({
    status: 'verified',
    verificationMethod: 'email-link',
  })
}

test('a link without the username asks for it (an e-mail works too), then verifies the address', async ({ page }) => {
  const link = await addAddressAndReadLink(address)
  await page.goto(link)
  await expect(heading(page)).toHaveText('Verify your e-mail address')
  await expect(page.getByLabel('Username or e-mail')).toHaveAttribute('autocomplete', 'username')
  await verifyAs(page, accountSeed.email)
  await expectVerified(page)
  expect(await verifyCalls()).toBe(1)
})

test('a link with the username verifies at once, and the account link opens the account area', async ({ page }) => {
  await page.goto(withUsername(await addAddressAndReadLink(address)))
  await expectVerified(page)
  await accountLink(page).click()
  await expect(page).toHaveURL(/\/access\/account$/)
})

test('the token and the username leave the address bar and the history before anything shows', async ({
  page,
  consoleLines,
}) => {
  const link = withUsername(await addAddressAndReadLink(address))
  const token = new URL(link).searchParams.get('verifyToken') ?? ''
  await page.goto('/access/signinhub')
  await page.goto(link)
  await expect(heading(page)).toHaveText('E-mail address verified')
  expect(page.url()).toBe(new URL('/access/verify-email', link).href)
  await page.goBack()
  await expect(page).toHaveURL(/\/access\/signinhub$/)
  await page.goForward()
  expect(page.url()).not.toContain(token)
  expect(page.url()).not.toContain('username')
  const attributes = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((item) => item.value)),
  )
  expect(attributes.filter((value) => value.includes(token))).toEqual([])
  const stored = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]))
  expect(stored).not.toContain(token)
  expect(consoleLines.filter((line) => line.includes(token))).toEqual([])
})

test('a used token and an unknown token get the same answer, with the way to the account', async ({ page }) => {
  const link = withUsername(await addAddressAndReadLink(address))
  await page.goto(link)
  await expectVerified(page)
  const answers: string[] = []
  const unknown = new URL(link)
  unknown.searchParams.set('verifyToken', 'not-a-token-of-this-platform')
  for (const again of [link, unknown.href]) {
    await page.goto(again)
    await expect(heading(page)).toHaveText('This link cannot be used')
    await expect(page.getByText(invalidMessage)).toBeVisible()
    await expect(accountLink(page)).toBeVisible()
    answers.push(await page.locator('main').innerText())
  }
  expect(answers[0]).toBe(answers[1])
})

test('an unknown username is said beside the field, which is retyped', async ({ page }) => {
  await page.goto(await addAddressAndReadLink(address))
  await verifyAs(page, 'nobody-here')
  await expect(page.getByText('No account has this username on this platform.')).toBeVisible()
  await expect(page.getByLabel('Username or e-mail')).toBeFocused()
  await verifyAs(page, accountSeed.username)
  await expectVerified(page)
  expect(await verifyCalls()).toBe(1)
})

test('a double click sends the token once', async ({ page }) => {
  await page.goto(await addAddressAndReadLink(address))
  await demoPlatform.faults([{ method: 'POST', path: '/account/verify-email$', delayMs: 800 }])
  await page.getByLabel('Username or e-mail').fill(accountSeed.username)
  await page.getByRole('button', { name: 'Verify my address' }).dblclick()
  await page.keyboard.press('Enter')
  await expectVerified(page)
  expect(await verifyCalls()).toBe(1)
})

test('a platform that fails is told in words, and Try again verifies', async ({ page }) => {
  await demoPlatform.faults([{ method: 'POST', path: '/account/verify-email$', status: 503 }])
  await page.goto(withUsername(await addAddressAndReadLink(address)))
  await expect(heading(page)).toHaveText('The address could not be verified yet')
  await page.getByRole('button', { name: 'Try again' }).click()
  await expectVerified(page)
  expect(await verifyCalls()).toBe(2)
})

test('keyboard only: the field, Enter, then the account link', async ({ page }) => {
  await page.goto(await addAddressAndReadLink(address))
  await expect(heading(page)).toHaveText('Verify your e-mail address')
  const field = page.getByLabel('Username or e-mail')
  await field.focus()
  await typeInto(page, field, accountSeed.username)
  await page.keyboard.press('Enter')
  await expect(heading(page)).toBeFocused()
  await pressAndExpectFocus(page, 'Tab', accountLink(page))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/access\/account$/)
})

test('no axe violation in either theme: asking, verified, refused link', async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  const link = await addAddressAndReadLink(address)
  await page.goto(link)
  await expect(heading(page)).toHaveText('Verify your e-mail address')
  await expectAccessibleInBothThemes(page, 'ask', figures)
  await verifyAs(page, 'nobody-here')
  await expect(page.getByText('No account has this username on this platform.')).toBeVisible()
  await expectAccessibleInBothThemes(page, 'unknown user', figures)
  await verifyAs(page, accountSeed.username)
  await expect(heading(page)).toHaveText('E-mail address verified')
  await expectAccessibleInBothThemes(page, 'verified', figures)
  await page.goto(withUsername(link))
  await expect(heading(page)).toHaveText('This link cannot be used')
  await expectAccessibleInBothThemes(page, 'invalid link', figures)
  await attachAxeFigures(testInfo, figures)
})

const languages = [
  {
    lang: 'fr',
    ask: 'Vérifiez votre adresse e-mail',
    verified: `${address} est vérifiée.`,
    invalid: 'Ce lien ne peut pas être utilisé',
  },
  {
    lang: 'de',
    ask: 'Bestätigen Sie Ihre E-Mail-Adresse',
    verified: `${address} ist bestätigt.`,
    invalid: 'Dieser Link kann nicht verwendet werden',
  },
  {
    lang: 'it',
    ask: 'Verifica il tuo indirizzo e-mail',
    verified: `${address} è verificato.`,
    invalid: 'Questo link non può essere usato',
  },
]

test('the page speaks French, German and Italian from the link', async ({ page }) => {
  for (const words of languages) {
    await demoPlatform.reset()
    const link = new URL(await addAddressAndReadLink(address))
    link.searchParams.set('lang', words.lang)
    await page.goto(link.href)
    await expect(page.locator('html')).toHaveAttribute('lang', words.lang)
    await expect(heading(page)).toHaveText(words.ask)
    await page.locator('input[autocomplete="username"]').fill(accountSeed.username)
    await page.locator('button[type="submit"]').click()
    await expect(page.getByText(words.verified)).toBeVisible()
    await page.goto(withUsername(link.href))
    await expect(heading(page)).toHaveText(words.invalid)
  }
})
