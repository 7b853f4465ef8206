import type { Page } from '@playwright/test'
import { accountSeed, signInToAccount } from './accountArea'
import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { demoPlatform } from './demoPlatform'
import { accountEmails, addAddressAndReadLink, withUsername, type VerifyMail } from './emailVerification'
import { demoUser, expect, test } from './fixtures'
import { tabTo } from './keyboard'
import { countCalls, platformCalls, recordApiMethods } from './security'
import { appUrl, platformUrl } from './urls'

const { username, password, email } = accountSeed
const emailsRegion = (page: Page) => page.getByRole('region', { name: 'E-mail addresses' })
const addressRow = (page: Page, address: string) =>
  emailsRegion(page).getByRole('listitem').filter({ hasText: address })
const accountUpdates = async () => countCalls(await platformCalls(), `PUT /${username}/account`)

async function openProfile(page: Page): Promise<void> {
  await signInToAccount(page)
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Profile' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Profile' })).toBeVisible()
  await expect(addressRow(page, email)).toBeVisible()
}

/** The profile read again from the platform, as a person would by coming back to it. */
async function revisitProfile(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Your account' })
  await nav.getByRole('link', { name: 'Apps and access' }).click()
  await nav.getByRole('link', { name: 'Profile' }).click()
}

async function addAddress(page: Page, address: string): Promise<void> {
  await page.getByLabel('New e-mail address').fill(address)
  await page.getByRole('button', { name: 'Add this address' }).click()
}

async function mailsTo(address: string): Promise<VerifyMail[]> {
  const mails = (await (await fetch(`${platformUrl}/_demo/email-outbox`)).json()) as VerifyMail[]
  return mails.filter((mail) => mail.to === address)
}

/** Opens the address's last verification link in another tab, as a person would from their mail. */
async function followLastLink(page: Page, address: string): Promise<void> {
  const link = (await mailsTo(address)).at(-1)?.verifyLink
  if (!link) throw new Error(`no mail to ${address}`)
  const mailTab = await page.context().newPage()
  await mailTab.goto(withUsername(link))
  await expect(mailTab.getByText(`${address} is verified.`)).toBeVisible()
  await mailTab.close()
}

test('shows the account in words; an address is added lower-cased, confirmed by its link, made primary, and the old one removed', async ({
  page,
}, testInfo) => {
  test.slow()
  const figures: AxeFigure[] = []
  await openProfile(page)
  const summary = page.locator('.profile-summary')
  await expect(summary).toContainText(username)
  await expect(summary).toContainText('English')
  await expect(summary).toContainText('0 bytes: 0 bytes of data and 0 bytes of attached files')
  await expect(addressRow(page, email)).toContainText('Primary')
  await expect(addressRow(page, email)).toContainText('Given at sign-up, never confirmed by a link')
  await expect(addressRow(page, email).getByRole('button')).toHaveCount(0)
  await expectAccessibleInBothThemes(page, 'profile', figures)

  await addAddress(page, '  New.Address@Example.ORG ')
  const added = 'new.address@example.org'
  await expect(page.getByText(`${added} is added. The platform mails it a link`)).toBeVisible()
  await expect(page.getByLabel('New e-mail address')).toHaveValue('')
  await expect(addressRow(page, added)).toContainText('Waiting for confirmation')
  await expect(addressRow(page, added).getByRole('button', { name: 'Make primary' })).toHaveCount(0)
  expect(await mailsTo(added)).toHaveLength(1)
  expect((await accountEmails()).find((item) => item.value === added)).toMatchObject({ status: 'pending' })
  await expectAccessibleInBothThemes(page, 'address added', figures)

  await followLastLink(page, added)
  await revisitProfile(page)
  const row = addressRow(page, added)
  await expect(row).toContainText('Confirmed by its link')
  await row.getByRole('button', { name: 'Make primary' }).click()
  await expect(page.getByText(`${added} is now your primary address.`)).toBeVisible()
  await expect(row).toContainText('Primary')
  expect((await accountEmails()).find((item) => item.primary)?.value).toBe(added)
  expect((await demoPlatform.user(username)).email).toBe(added)

  await addressRow(page, email).getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByText(`${email} is removed.`)).toBeVisible()
  await expect(addressRow(page, email)).toHaveCount(0)
  expect((await accountEmails()).map((item) => item.value)).toEqual([added])
  // Every change went through `emails`, never the legacy `email` field.
  expect(await accountUpdates()).toBe(3)
  await attachAxeFigures(testInfo, figures)
})

test('says before any call what the page knows: not an address, already on the account', async ({ page }) => {
  await openProfile(page)
  await addAddress(page, 'not-an-address')
  await expect(page.getByText('This is not an e-mail address. Check it and try again.')).toBeVisible()
  await expect(page.getByLabel('New e-mail address')).toHaveAttribute('aria-invalid', 'true')
  await addAddress(page, email.toUpperCase())
  await expect(page.getByText('This address is already on your account.')).toBeVisible()
  expect(await accountUpdates()).toBe(0)
})

test("says every refusal of the platform in words: another account's address, the limit, the wait before a new link", async ({
  page,
}, testInfo) => {
  const figures: AxeFigure[] = []
  await openProfile(page)
  await addAddress(page, demoUser.email)
  await expect(page.getByText('This address cannot be added. Use another address.')).toBeVisible()
  await expect(page.getByText('An email with email')).toHaveCount(0)

  const extra = ['one@example.org', 'two@example.org', 'three@example.org', 'four@example.org']
  for (const address of extra) {
    await addAddress(page, address)
    await expect(addressRow(page, address)).toBeVisible()
  }
  await addAddress(page, 'five@example.org')
  const limit = 'Your account already has 5 addresses, the most it can hold. Remove one before adding another.'
  await expect(page.getByText(limit)).toBeVisible()
  const calls = await accountUpdates()
  await addAddress(page, 'six@example.org')
  await expect(page.getByText(limit)).toBeVisible()
  expect(await accountUpdates()).toBe(calls)
  await expectAccessibleInBothThemes(page, 'limit refused', figures)

  // The address was mailed a link when added: the platform refuses another for five minutes.
  await addressRow(page, 'one@example.org').getByRole('button', { name: 'Send the link again' }).click()
  await expect(addressRow(page, 'one@example.org').getByRole('alert')).toHaveText(
    'A link was sent to this address moments ago. You can ask for a new one in 5 minutes.',
  )
  await expect(addressRow(page, 'one@example.org').getByRole('button', { name: 'Send the link again' })).toBeDisabled()
  expect(await mailsTo('one@example.org')).toHaveLength(1)
  await expectAccessibleInBothThemes(page, 'cooldown', figures)
  await attachAxeFigures(testInfo, figures)
})

test('sends a link again once the wait is over, and says what changed meanwhile elsewhere', async ({ page }) => {
  await fetch(`${platformUrl}/_demo/email-verification`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ resendCooldownMs: 0 }),
  })
  await addAddressAndReadLink('later@example.org')
  await addAddressAndReadLink('gone@example.org')
  await openProfile(page)
  await addressRow(page, 'later@example.org').getByRole('button', { name: 'Send the link again' }).click()
  await expect(page.getByText('A new link is on its way to later@example.org.')).toBeVisible()
  expect(await mailsTo('later@example.org')).toHaveLength(2)

  // Confirmed in another tab, removed by another session: the page's list is older than the platform's.
  await followLastLink(page, 'later@example.org')
  await addressRow(page, 'later@example.org').getByRole('button', { name: 'Send the link again' }).click()
  await expect(page.getByText('This address is already confirmed: no link is needed.')).toBeVisible()
  await changeElsewhere({ remove: ['gone@example.org'] })
  await addressRow(page, 'gone@example.org').getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByText('This address is no longer on your account.')).toBeVisible()
})

/** An addresses change made by another session of the account, as another tab or device would. */
async function changeElsewhere(emails: Record<string, unknown>): Promise<void> {
  const login = await fetch(`${platformUrl}/${username}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: appUrl },
    body: JSON.stringify({ username, password, appId: 'test-elsewhere' }),
  })
  const { token } = (await login.json()) as { token: string }
  await fetch(`${platformUrl}/${username}/account`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: token },
    body: JSON.stringify({ emails }),
  })
}

test('says the platform’s refusal when another session made an address primary or waiting again', async ({ page }) => {
  await fetch(`${platformUrl}/_demo/email-verification`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ resendCooldownMs: 0 }),
  })
  for (const address of ['second@example.org', 'third@example.org']) {
    await page.goto(withUsername(await addAddressAndReadLink(address)))
    await expect(page.getByText(`${address} is verified.`)).toBeVisible()
  }
  await openProfile(page)
  await expect(addressRow(page, 'third@example.org').getByRole('button', { name: 'Make primary' })).toBeVisible()

  await changeElsewhere({ setPrimary: 'second@example.org' })
  await addressRow(page, 'second@example.org').getByRole('button', { name: 'Remove' }).click()
  await expect(
    page.getByText('The primary address cannot be removed. Make another address primary first.'),
  ).toBeVisible()
  await changeElsewhere({ remove: ['third@example.org'] })
  await changeElsewhere({ add: ['third@example.org'] })
  await addressRow(page, 'third@example.org').getByRole('button', { name: 'Make primary' }).click()
  await expect(
    page.getByText('Only a confirmed address can become primary. Open the link mailed to it first.'),
  ).toBeVisible()
  expect((await accountEmails()).find((item) => item.primary)?.value).toBe('second@example.org')
})

test('a double click adds, sends again, makes primary and removes once each', async ({ page }) => {
  await fetch(`${platformUrl}/_demo/email-verification`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ resendCooldownMs: 0 }),
  })
  await openProfile(page)
  await demoPlatform.faults([{ path: `/${username}/account$`, times: 10, delayMs: 300 }])
  await page.getByLabel('New e-mail address').fill('twice@example.org')
  await page.getByRole('button', { name: 'Add this address' }).dblclick()
  await expect(addressRow(page, 'twice@example.org')).toBeVisible()
  expect(await accountUpdates()).toBe(1)
  await addressRow(page, 'twice@example.org').getByRole('button', { name: 'Send the link again' }).dblclick()
  await expect(page.getByText('A new link is on its way to twice@example.org.')).toBeVisible()
  expect(await accountUpdates()).toBe(2)
  await followLastLink(page, 'twice@example.org')
  await revisitProfile(page)
  await addressRow(page, 'twice@example.org').getByRole('button', { name: 'Make primary' }).dblclick()
  await expect(page.getByText('twice@example.org is now your primary address.')).toBeVisible()
  await addressRow(page, email).getByRole('button', { name: 'Remove' }).dblclick()
  await expect(page.getByText(`${email} is removed.`)).toBeVisible()
  expect(await accountUpdates()).toBe(4)
})

test('changes the language in place: the platform keeps it and the page follows', async ({ page }) => {
  await openProfile(page)
  await page.getByLabel('Language of your account').selectOption('fr')
  await page.getByRole('button', { name: 'Save the language' }).dblclick()
  await expect(page.getByRole('heading', { level: 1, name: 'Profil' })).toBeVisible()
  await expect(page.getByText('Votre langue est enregistrée.')).toBeVisible()
  expect((await demoPlatform.user(username)).language).toBe('fr')
  expect(await accountUpdates()).toBe(1)
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
})

test('changes the password inside the area: a wrong current one is said, the session goes on', async ({
  page,
}, testInfo) => {
  const figures: AxeFigure[] = []
  const newPassword = 'new-password-42'
  const methods = recordApiMethods(page)
  await openProfile(page)
  const form = page.locator('.profile-password')
  // One rule for every form (issue 26, item 8): pressed empty, it says what is missing and focuses that field.
  await page.getByRole('button', { name: 'Change the password' }).click()
  await expect(form.getByText('Enter your current password.')).toBeVisible()
  await expect(form.getByLabel('Current password')).toBeFocused()
  await form.getByLabel('Current password').fill('wrong-password-1')
  await form.getByLabel('New password', { exact: true }).fill(newPassword)
  await form.getByLabel('Confirm the new password').fill(newPassword)
  await page.getByRole('button', { name: 'Change the password' }).click()
  await expect(form.getByText('This is not your current password.')).toBeVisible()
  await expect(page.getByText('The given password does not match.')).toHaveCount(0)
  await expectAccessibleInBothThemes(page, 'wrong current password', figures)
  await form.getByLabel('Current password').fill(password)
  await page.getByRole('button', { name: 'Change the password' }).dblclick()
  await expect(page.getByText('Your password is changed. Use the new one next time you sign in.')).toBeVisible()
  await expect(form.getByLabel('Current password')).toHaveValue('')
  expect(methods.filter((method) => method.endsWith('account.changePassword'))).toHaveLength(2)
  expect(await demoPlatform.passwordWorks(username, newPassword)).toBe(true)
  // Still signed in: the area reads the account again with the same session.
  await revisitProfile(page)
  await expect(addressRow(page, email)).toBeVisible()
  await attachAxeFigures(testInfo, figures)
})

test('adds an address and changes the language with the keyboard only', async ({ page }) => {
  await openProfile(page)
  await page.getByLabel('New e-mail address').focus()
  await page.keyboard.type('keys@example.org')
  await page.keyboard.press('Enter')
  await expect(addressRow(page, 'keys@example.org')).toBeVisible()
  const select = page.getByLabel('Language of your account')
  await tabTo(page, select)
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Save the language' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Profil' })).toBeVisible()
})
