import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { accountSeed, signInToAccount } from './accountArea'
import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { demoPlatform } from './demoPlatform'
import { tabTo } from './keyboard'
import { expect, signIn, test } from './fixtures'
import { countCalls, platformCalls } from './security'
import { platformUrl } from './urls'

const { username, password } = accountSeed
const phone = '+41 79 123 45 89'
const providerText = 'MFA SMS provider error'

async function openSecurity(page: Page): Promise<void> {
  await signInToAccount(page)
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Security' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible()
}

/** The platform's MFA mode (`services.mfa.mode`), through the demo's control API. */
async function setPlatformMfa(enabled: boolean): Promise<void> {
  await fetch(`${platformUrl}/_demo/mfa`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ enabled }),
  })
}

async function expectHeadingFocused(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused()
}

/** Switch on up to the recovery codes; returns them as shown. */
async function switchOnToCodes(page: Page, figures?: AxeFigure[]): Promise<string[]> {
  await page.getByRole('button', { name: 'Switch on' }).click()
  await expectHeadingFocused(page, 'Switch on two-factor authentication')
  if (figures) await expectAccessibleInBothThemes(page, 'phone', figures)
  await page.getByLabel('Phone number').fill(phone)
  await page.getByRole('button', { name: 'Send the code' }).click()
  await expectHeadingFocused(page, 'Enter the code we sent')
  if (figures) await expectAccessibleInBothThemes(page, 'code', figures)
  await page.getByLabel('Code', { exact: true }).fill(await demoPlatform.lastSmsCode(username))
  await page.getByRole('button', { name: 'Switch on' }).click()
  await expectHeadingFocused(page, 'Keep your recovery codes')
  return page.locator('.recovery-codes code').allTextContents()
}

async function expectNowhere(page: Page, secrets: string[], consoleLines: string[]): Promise<void> {
  const stored = await page.evaluate(() =>
    JSON.stringify([{ ...localStorage }, { ...sessionStorage }, document.cookie]),
  )
  const places = [await page.content(), stored, page.url(), consoleLines.join('\n')]
  for (const secret of secrets) for (const place of places) expect(place).not.toContain(secret)
}

test('switches two-factor on: SMS code, recovery codes shown once and downloaded, then a sign-in asks for a code', async ({
  page,
  consoleLines,
}, testInfo) => {
  // Ten axe runs (each step in both themes) on top of the flow.
  test.slow()
  const figures: AxeFigure[] = []
  await openSecurity(page)
  await expect(page.getByText('Off: your password alone signs you in.')).toBeVisible()
  await expectAccessibleInBothThemes(page, 'status', figures)
  const codes = await switchOnToCodes(page, figures)
  expect(codes).toHaveLength(10)
  await expectAccessibleInBothThemes(page, 'codes', figures)

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download as a text file' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`recovery-codes-${username}.txt`)
  const file = await readFile(await download.path(), 'utf8')
  for (const code of codes) expect(file).toContain(`\n${code}\n`)
  expect(file).toContain(username)

  const done = page.getByRole('button', { name: 'Done' })
  await expect(done).toBeDisabled()
  await page.getByLabel('I have kept these codes').check()
  await done.click()
  await expectHeadingFocused(page, 'Security')
  await expect(page.getByText('On: codes go to the phone ending in •••• 89.')).toBeVisible()
  await expect(page.getByText(phone)).toHaveCount(0)
  // The platform keeps the codes and answers them with the status: the page shows them no more.
  await page.getByRole('link', { name: 'Apps and access' }).click()
  await page.getByRole('link', { name: 'Security' }).click()
  await expect(page.getByText(/ending in •••• 89/)).toBeVisible()
  await expectNowhere(page, codes, consoleLines)
  await attachAxeFigures(testInfo, figures)

  await page.getByRole('button', { name: 'Sign out' }).first().click()
  await expect(page.getByText('You are signed out.')).toBeVisible()
  await signIn(page, username, password)
  await expect(page.getByLabel('Verification code')).toBeVisible()
})

test('resends the code, says a wrong code in its own words, and the same activation goes on', async ({ page }) => {
  await openSecurity(page)
  await page.getByRole('button', { name: 'Switch on' }).click()
  await page.getByLabel('Phone number').fill('079 123')
  await page.getByRole('button', { name: 'Send the code' }).click()
  await expect(page.getByText('Enter a phone number starting with + and the country code')).toBeVisible()
  expect(countCalls(await platformCalls(), `POST /${username}/mfa/activate`)).toBe(0)
  await page.getByLabel('Phone number').fill(phone)
  await page.getByRole('button', { name: 'Send the code' }).click()
  await page.getByRole('button', { name: 'Send a new code' }).click()
  await expect(page.getByText('A new code has been sent.')).toBeVisible()
  expect(await demoPlatform.smsCount(username)).toBe(2)
  const code = await demoPlatform.lastSmsCode(username)
  await page.getByLabel('Code', { exact: true }).fill(code === '000000' ? '111111' : '000000')
  await page.getByRole('button', { name: 'Switch on' }).click()
  await expect(page.getByText('This code is not valid.')).toBeVisible()
  await expect(page.getByText(providerText)).toHaveCount(0)
  await page.getByLabel('Code', { exact: true }).fill(code)
  await page.getByRole('button', { name: 'Switch on' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Keep your recovery codes' })).toBeVisible()
  expect(countCalls(await platformCalls(), `POST /${username}/mfa/activate`)).toBe(1)
})

test('a double click activates, confirms and switches off once each', async ({ page }) => {
  await openSecurity(page)
  await demoPlatform.faults([{ path: '/mfa/(activate|confirm|deactivate)$', times: 3, delayMs: 400 }])
  await page.getByRole('button', { name: 'Switch on' }).click()
  await page.getByLabel('Phone number').fill(phone)
  await page.getByRole('button', { name: 'Send the code' }).dblclick()
  await expect(page.getByLabel('Code', { exact: true })).toBeVisible()
  await page.getByLabel('Code', { exact: true }).fill(await demoPlatform.lastSmsCode(username))
  await page.getByRole('button', { name: 'Switch on' }).dblclick()
  await page.getByLabel('I have kept these codes').check()
  await page.getByRole('button', { name: 'Done' }).click()
  await page.getByRole('button', { name: 'Switch off' }).click()
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Switch off' }).dblclick()
  await expect(page.getByText('Off: your password alone signs you in.')).toBeVisible()
  const calls = await platformCalls()
  for (const call of ['activate', 'confirm', 'deactivate'])
    expect(countCalls(calls, `POST /${username}/mfa/${call}`), call).toBe(1)
})

test('switches off only after the password: a wrong one is refused', async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  await openSecurity(page)
  await switchOnToCodes(page)
  await page.getByLabel('I have kept these codes').check()
  await page.getByRole('button', { name: 'Done' }).click()
  await page.getByRole('button', { name: 'Switch off' }).click()
  await expectHeadingFocused(page, 'Switch off two-factor authentication')
  await expectAccessibleInBothThemes(page, 'password', figures)
  await page.getByLabel('Password', { exact: true }).fill('wrong-password-1')
  await page.getByRole('button', { name: 'Switch off' }).click()
  await expect(page.getByText('The username, e-mail or password is incorrect.')).toBeVisible()
  expect(countCalls(await platformCalls(), `POST /${username}/mfa/deactivate`)).toBe(0)
  expect((await demoPlatform.user(username)).mfa).toBe(true)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Switch off' }).click()
  await expect(page.getByText('Off: your password alone signs you in.')).toBeVisible()
  expect((await demoPlatform.user(username)).mfa).toBe(false)
  await attachAxeFigures(testInfo, figures)
})

test('on a platform without two-factor, says it is not offered and leaves no switch', async ({ page }) => {
  await setPlatformMfa(false)
  try {
    await openSecurity(page)
    await page.getByRole('button', { name: 'Switch on' }).click()
    await page.getByLabel('Phone number').fill(phone)
    await page.getByRole('button', { name: 'Send the code' }).click()
    await expect(page.getByText('This platform does not offer two-factor authentication.')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Switch on' })).toHaveCount(0)
    expect(await demoPlatform.smsCount(username)).toBe(0)
  } finally {
    await setPlatformMfa(true)
  }
})

test('lists the personal sessions; “Sign out here” on this page’s own ends it', async ({ page }) => {
  await openSecurity(page)
  const sessions = page.getByRole('region', { name: 'Signed-in sessions' })
  await expect(sessions.getByRole('article')).toHaveCount(2)
  const own = sessions.getByRole('article', { name: accountSeed.appIds.web, exact: true })
  await expect(own).toContainText('This page')
  await own.getByRole('button', { name: 'Sign out here' }).click()
  await expect(page.getByText('You are signed out.')).toBeVisible()
})

test('an ended session returns to the sign-in; switching on is offered again, not repeated', async ({ page }) => {
  await openSecurity(page)
  await page.getByRole('button', { name: 'Switch on' }).click()
  await page.getByLabel('Phone number').fill(phone)
  await demoPlatform.expireSessions(username)
  await page.getByRole('button', { name: 'Send the code' }).click()
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible()
  await page.getByLabel('Username or e-mail').fill(username)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Your session ended while you were switching two-factor authentication on')).toBeVisible()
  expect(await demoPlatform.smsCount(username)).toBe(0)
  await page.getByRole('button', { name: 'Start again' }).click()
  await expect(page.getByLabel('Phone number')).toBeVisible()
})

test('switches on with the keyboard only', async ({ page }) => {
  await openSecurity(page)
  await page.getByRole('button', { name: 'Switch on' }).focus()
  await page.keyboard.press('Enter')
  await expectHeadingFocused(page, 'Switch on two-factor authentication')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Phone number')).toBeFocused()
  await page.keyboard.type(phone)
  await page.keyboard.press('Enter')
  await expectHeadingFocused(page, 'Enter the code we sent')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Code', { exact: true })).toBeFocused()
  await page.keyboard.type(await demoPlatform.lastSmsCode(username))
  await page.keyboard.press('Enter')
  await expectHeadingFocused(page, 'Keep your recovery codes')
  const kept = page.getByLabel('I have kept these codes')
  await tabTo(page, kept)
  await page.keyboard.press('Space')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Done' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expectHeadingFocused(page, 'Security')
})
