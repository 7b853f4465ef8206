import { demoPlatform } from './demoPlatform'
import { demoUser, expect, test } from './fixtures'
import { callPaths, createButton, fillRegisterForm, newAccount } from './registerForm'

const creations = async () => callPaths(await demoPlatform.requests()).filter((path) => path === 'POST /reg/users')

test('a taken username is said while typing, after a pause, with one check', async ({ page }) => {
  await page.goto('/access/register')
  await page.getByLabel('Username').pressSequentially(demoUser.username, { delay: 40 })

  const username = page.getByLabel('Username')
  await expect(username).toHaveAccessibleDescription(new RegExp(`“${demoUser.username}” is already taken\\.`))
  await expect(username).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByRole('status')).toHaveText(`“${demoUser.username}” is already taken.`)
  const checks = callPaths(await demoPlatform.requests()).filter((path) => path.endsWith('/check_username'))
  // Without the pause, each of demo-u, demo-us, demo-use and demo-user would be checked.
  expect(checks.at(-1)).toBe(`GET /reg/${demoUser.username}/check_username`)
  expect(checks.length).toBeLessThan(4)

  await fillRegisterForm(page, { ...newAccount('someone-else'), username: demoUser.username })
  await createButton(page).click()
  await expect(username).toBeFocused()
  expect(await creations()).toEqual([])

  await username.fill('free-name')
  await expect(username).toHaveAccessibleDescription(/“free-name” is available\./)
  await expect(username).not.toHaveAttribute('aria-invalid', 'true')
})

test('a name the platform refuses at creation is shown on the username field', async ({ page }) => {
  await page.goto('/access/register')
  // The platform keeps "register" for itself: check_username says it is free, creation says 409.
  await fillRegisterForm(page, newAccount('register'))
  await expect(page.getByLabel('Username')).toHaveAccessibleDescription(/“register” is available\./)
  await createButton(page).click()

  await expect(page.getByRole('alert')).toContainText(
    'This username or e-mail address cannot be used for a new account: change one of them.',
  )
  await expect(page.getByText('This username is already taken. Choose another one.')).toBeVisible()
  await expect(page.getByLabel('Username')).toBeFocused()
  await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true')
  expect(await creations()).toHaveLength(1)
  expect(await demoPlatform.usernames()).not.toContain('register')
})

test('an e-mail already used is shown on the e-mail field', async ({ page }) => {
  await page.goto('/access/register')
  await fillRegisterForm(page, { ...newAccount('another-person'), email: demoUser.email })
  await createButton(page).click()

  await expect(page.getByText('This e-mail address cannot be used for a new account. Use another one.')).toBeVisible()
  await expect(page.getByLabel('E-mail')).toBeFocused()
  expect(await demoPlatform.usernames()).not.toContain('another-person')
})

test('an invalid e-mail is refused before anything is sent', async ({ page }) => {
  await page.goto('/access/register')
  await fillRegisterForm(page, { ...newAccount('mail-person'), email: 'mail-person.example.com' })
  await createButton(page).click()

  await expect(page.getByText('Enter a valid e-mail address.')).toBeVisible()
  await expect(page.getByLabel('E-mail')).toBeFocused()
  await expect(page.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true')
  expect(await creations()).toEqual([])
  expect(await demoPlatform.usernames()).not.toContain('mail-person')
})

test('an invalid username and short password are refused before anything is sent', async ({ page }) => {
  await page.goto('/access/register')
  await fillRegisterForm(page, { ...newAccount('x'), username: '-Bad_Name', password: 'abc' })
  await createButton(page).click()

  await expect(
    page.getByText(
      'Use 5 to 60 characters: lowercase letters, digits and dashes, starting and ending with a letter or digit.',
    ),
  ).toBeVisible()
  await expect(page.getByText('Use at least 6 characters, and at most 100.')).toBeVisible()
  await expect(page.getByLabel('Username')).toBeFocused()
  expect(
    callPaths(await demoPlatform.requests()).filter(
      (path) => path.endsWith('/check_username') || path === 'POST /reg/users',
    ),
  ).toEqual([])
})

test('different passwords are said as you type and block the creation', async ({ page }) => {
  await page.goto('/access/register')
  await fillRegisterForm(page, { ...newAccount('twice-person'), confirmation: 'fresh-password-8' })

  await expect(page.getByText('The two passwords are not the same.')).toBeVisible()
  await createButton(page).click()
  await expect(page.getByText('Type the password, then the same again to confirm it.')).toBeVisible()
  await expect(page.getByLabel('New password', { exact: true })).toBeFocused()
  expect(await creations()).toEqual([])
  expect(await demoPlatform.usernames()).not.toContain('twice-person')
})

test('the platform’s own validation errors are shown next to their fields', async ({ page }) => {
  await page.goto('/access/register')
  await fillRegisterForm(page, newAccount('strict-person'))
  await demoPlatform.faults([
    {
      method: 'POST',
      path: '^/reg/users$',
      status: 400,
      body: {
        error: {
          id: 'invalid-parameters-format',
          message: "The parameters' format is invalid.",
          data: [
            {
              code: 'password-weak',
              message: 'Password must contain at least one digit and one capital letter',
              param: 'password',
              path: '#/password',
            },
            { code: 'invitationToken-invalid', message: 'Invalid invitation', path: '#/invitationToken' },
          ],
        },
      },
    },
  ])
  await createButton(page).click()

  await expect(page.getByRole('alert')).toContainText('Some details were refused: correct the fields marked below.')
  await expect(page.getByText('Password must contain at least one digit and one capital letter')).toBeVisible()
  await expect(page.getByLabel('New password', { exact: true })).toBeFocused()
  // A refused detail with no field to mark: the platform's words, one click away under the page's own heading.
  const platformWords = page.getByRole('alert').getByText('#/invitationToken: Invalid invitation')
  await expect(platformWords).toBeHidden()
  await page.getByRole('alert').getByText('Details from the platform').click()
  await expect(platformWords).toBeVisible()
  expect(await demoPlatform.usernames()).not.toContain('strict-person')
})
