import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'

const newPassword = 'brand-new-password-1'
const sentMessage =
  'If an account matches what you entered, an e-mail with a link to choose a new password is on its way.'

async function requestMail(page: Page, login: string): Promise<void> {
  await page.goto('/access/reset-password')
  await page.getByLabel('Username or e-mail').fill(login)
  await page.getByRole('button', { name: 'Send the e-mail' }).click()
}

async function resetPasswordTo(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Username or e-mail').fill(login)
  await page.getByLabel('New password', { exact: true }).fill(password)
  await page.getByLabel('Confirm the new password').fill(password)
  await page.getByRole('button', { name: 'Change password' }).click()
}

async function mailedLink(username: string): Promise<string> {
  const mail = (await demoPlatform.mails()).filter((item) => item.username === username).at(-1)
  if (!mail) throw new Error(`no mail for ${username}`)
  return mail.url
}

test('a reset request answers the same for an existing user, an unknown username and an unknown e-mail; only the existing one is mailed', async ({
  page,
}) => {
  const answers: string[] = []
  for (const login of [demoUser.username, 'nobody-here', 'nobody@example.com']) {
    await requestMail(page, login)
    await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible()
    answers.push(await page.locator('main').innerText())
  }

  expect(answers[0]).toContain(sentMessage)
  expect(new Set(answers).size).toBe(1)
  expect(await demoPlatform.mails()).toEqual([
    expect.objectContaining({ username: demoUser.username, email: demoUser.email }),
  ])
  const resetCalls = (await demoPlatform.requests()).filter(
    (request) => request.path.endsWith('/account/request-password-reset') && request.method === 'POST',
  )
  expect(resetCalls.map((request) => request.path)).toEqual([`/${demoUser.username}/account/request-password-reset`])
})

test('the mailed link sets a new password: the new one signs in, the old one no longer does', async ({ page }) => {
  await requestMail(page, demoUser.email)
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible()
  await page.goto(await mailedLink(demoUser.username))

  await resetPasswordTo(page, demoUser.username, newPassword)
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()
  expect(await demoPlatform.passwordWorks(demoUser.username, newPassword)).toBe(true)
  expect(await demoPlatform.passwordWorks(demoUser.username, demoUser.password)).toBe(false)

  // Without an auth request, "Sign in" leads to the sign-in hub.
  await page.getByRole('link', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Go to your account' })).toBeVisible()

  await openNewRequest(page, { requestingAppId: 'test-after-reset' })
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('alert')).toContainText('The username, e-mail or password is incorrect.')
  await page.getByLabel('Password', { exact: true }).fill(newPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
})

test('an invalid token says so and offers a new mail, which no longer carries the token', async ({ page }) => {
  await page.goto('/access/reset-password.html?resetToken=not-a-real-token')
  await resetPasswordTo(page, demoUser.username, newPassword)

  await expect(page.getByRole('alert')).toContainText('This reset link is invalid or has expired')
  expect(await demoPlatform.passwordWorks(demoUser.username, demoUser.password)).toBe(true)
  await page.getByRole('button', { name: 'Ask for a new e-mail' }).click()
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeFocused()
  expect(page.url()).not.toContain('resetToken')

  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByRole('button', { name: 'Send the e-mail' }).click()
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible()
  expect(await demoPlatform.mails()).toHaveLength(1)
})

test("the reset token leaves the address bar and the history, and reaches only the platform's reset call", async ({
  page,
  context,
}) => {
  await requestMail(page, demoUser.username)
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toBeVisible()
  const link = await mailedLink(demoUser.username)
  const token = new URL(link).searchParams.get('resetToken') ?? ''
  const carriers: string[] = []
  context.on('request', (request) => {
    const isMailLink = request.url() === link
    const isResetCall = request.method() === 'POST' && request.url().endsWith('/account/reset-password')
    const seen = [
      isMailLink ? '' : request.url(),
      request.headers().referer ?? '',
      isResetCall ? '' : (request.postData() ?? ''),
    ]
    if (seen.some((text) => text.includes(token))) carriers.push(`${request.method()} ${request.url()}`)
  })

  await page.goto(link)
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
  await expect(page).toHaveURL(/\/access\/reset-password\.html$/)
  // The entry was replaced, not added: back is the page before the link, forward the token-less address.
  await page.goBack()
  await expect(page).toHaveURL(/\/access\/reset-password$/)
  await page.goForward()
  await expect(page).toHaveURL(/\/access\/reset-password\.html$/)

  await page.goto(link)
  await resetPasswordTo(page, demoUser.username, newPassword)
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible()
  await page.getByRole('link', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Go to your account' })).toBeVisible()
  expect(page.url()).not.toContain(token)
  expect(
    await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
    ),
  ).not.toContain(token)
  expect(carriers).toEqual([])
})

test('from an auth request, "Forgot your password?" keeps the request and leads back to it', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-forgot' })
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible()
  expect(new URL(page.url()).searchParams.get('key')).toBe(request.key)

  await page.getByLabel('Username or e-mail').fill(demoUser.username)
  await page.getByRole('button', { name: 'Send the e-mail' }).click()
  await page.getByRole('link', { name: 'Sign in' }).click()
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByText('“test-forgot” asks to access the data of demo-user')).toBeVisible()
})

test('a platform that cannot send the mail is told in words', async ({ page }) => {
  await demoPlatform.faults([
    {
      method: 'POST',
      path: '/account/request-password-reset$',
      status: 500,
      body: { error: { id: 'unexpected-error', message: 'Could not send the e-mail.' } },
    },
  ])
  await requestMail(page, demoUser.username)

  await expect(page.getByRole('alert')).toContainText('The platform could not send the e-mail.')
  await expect(page.getByRole('heading', { name: 'Check your e-mail' })).toHaveCount(0)
})
