import { accessCard, accountSeed, expectAppsList, expectNoTokenInPage, signInToAccount } from './accountArea'
import { expect, test } from './fixtures'

const { names } = accountSeed

test('every kind of access is listed under its own heading and said in words', async ({ page }) => {
  await signInToAccount(page)
  await expectAppsList(page)
  const headings = page.getByRole('heading', { level: 2 })
  await expect(headings).toHaveText([
    'Apps',
    'Apps connected through OAuth',
    'Data you share with studies and services',
    'Links you shared',
    'Invitations you published',
    'Where you are signed in',
  ])

  const diary = accessCard(page, names.appDiary)
  await expect(diary.getByRole('listitem').filter({ hasText: 'Read and add to' })).toHaveText('Read and add to “Diary”')
  await expect(diary).toContainText('Read “Blood pressure”')
  await expect(diary).toContainText('while you were signed in to pryv-app-web-auth-3')
  await expect(diary).toContainText('Last used 2 hours ago')
  await expect(diary).toContainText('Does not expire')
  await diary.getByText('Accesses it created (1)').click()
  await expect(diary.getByRole('link', { name: names.diaryShare })).toBeVisible()

  const backup = accessCard(page, names.appBackup)
  await expect(backup).toContainText('Read all your data')
  await expect(backup).toContainText('The app cannot revoke its own access.')

  const oauth = accessCard(page, accountSeed.oauthClientId)
  await expect(oauth).toContainText('OAuth 2.0 client · 2 sessions open')
  await expect(oauth).toContainText('Read “Sleep”')

  const study = accessCard(page, accountSeed.cmcRequester)
  await expect(study).toContainText(/Data grant · Given to demo-study on /)
  await expect(study).toContainText('Read “Weight”')
  await expect(study).toContainText('It also holds the streams the platform uses to exchange messages with it.')

  await expect(accessCard(page, names.sharedLink)).toContainText('Read “Health”')
  await expect(accessCard(page, names.sharedLink)).toContainText(/Expires in (30 days|4 weeks|next month)/)
  await expect(accessCard(page, names.cmcCapability)).toContainText('Invitation link')
  await expect(accessCard(page, accountSeed.appIds.mobile)).toContainText('Last used yesterday')
  await expectNoTokenInPage(page)
})

test('expired accesses are shown apart, on request', async ({ page }) => {
  await signInToAccount(page)
  await expectAppsList(page)
  await expect(accessCard(page, names.appExpired)).toHaveCount(0)
  const toggle = page.getByRole('button', { name: 'Show expired accesses (1)' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(page.getByRole('heading', { name: 'Expired accesses' })).toBeVisible()
  await expect(accessCard(page, names.appExpired)).toContainText('Expired 5 days ago')
  await page.getByRole('button', { name: 'Hide expired accesses' }).click()
  await expect(accessCard(page, names.appExpired)).toHaveCount(0)
})

test('one access shows its words, its sanitized message and its dates', async ({ page }) => {
  await signInToAccount(page)
  await expectAppsList(page)
  await accessCard(page, names.appDiary).getByRole('link', { name: 'Details and activity' }).click()
  await expect(page.getByRole('heading', { level: 1, name: names.appDiary })).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/access/account/apps/${accountSeed.accessIds.appDiary}$`))
  const message = page.locator('.consent-description')
  await expect(message.locator('strong')).toHaveText('Diary')
  await expect(message.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(page.getByText('Read “Blood pressure”')).toBeVisible()
  await page.getByRole('link', { name: 'All apps and access' }).click()
  await expectAppsList(page)
  await expectNoTokenInPage(page)
})

test('the page follows a language switch, stream names included', async ({ page }) => {
  await signInToAccount(page)
  await expectAppsList(page)
  await page.getByLabel('Language').selectOption('fr')
  await expect(page.getByRole('heading', { level: 1, name: 'Applications et accès' })).toBeVisible()
  await expect(accessCard(page, names.appDiary)).toContainText('« Blood pressure »')
})
