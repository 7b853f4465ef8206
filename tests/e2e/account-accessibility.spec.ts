import type { Page } from '@playwright/test'
import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { accessCard, accountSeed, expectAppsList, signInToAccount } from './accountArea'
import { expect, test } from './fixtures'
import { englishPieces } from './localeText'

// axe takes seconds per run on a slow machine: these tests get more time.
test.describe.configure({ timeout: 150_000 })

const { names, accessIds } = accountSeed

test('every state of the account area passes axe in the light and the dark theme', async ({ page }, testInfo) => {
  const figures: AxeFigure[] = []
  await page.goto('/access/account')
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible()
  await expectAccessibleInBothThemes(page, 'account sign-in', figures)

  await signInToAccount(page)
  await expectAppsList(page)
  await page.getByRole('button', { name: 'Show expired accesses (1)' }).click()
  await expect(accessCard(page, names.appExpired)).toBeVisible()
  await expectAccessibleInBothThemes(page, 'apps and access, expired shown', figures)

  await accessCard(page, names.appDiary).getByRole('button', { name: 'Remove access' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectAccessibleInBothThemes(page, 'removal confirmation', figures)
  await page.getByRole('dialog').getByRole('button', { name: 'Keep it' }).click()

  await accessCard(page, names.appDiary).getByRole('link', { name: 'Details and activity' }).click()
  await expect(page.locator('.activity-entries > li').first()).toBeVisible()
  await page.locator('.activity-query summary').first().click()
  await expectAccessibleInBothThemes(page, 'one access and its activity', figures)

  await page.reload()
  await expect(page.getByText('This page keeps your session in its memory only')).toBeVisible()
  await expectAccessibleInBothThemes(page, 'sign-in after a reload', figures)
  await attachAxeFigures(testInfo, figures)
})

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const offenders = await page.evaluate(() => {
    const width = document.documentElement.clientWidth
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
  })
  expect(offenders).toEqual([])
}

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } })

  test('the list, the confirmation and one access fit without sideways scrolling', async ({ page }) => {
    await signInToAccount(page)
    await expectAppsList(page)
    await expectNoHorizontalScroll(page)
    await accessCard(page, names.sharedLink).getByRole('button', { name: 'Remove access' }).click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await expectNoHorizontalScroll(page)
    await page.getByRole('dialog').getByRole('button', { name: 'Keep it' }).click()
    await page.goto(`/access/account/apps/${accessIds.appBackup}`)
    await page.getByLabel('Username or e-mail').fill(accountSeed.username)
    await page.getByLabel('Password', { exact: true }).fill(accountSeed.password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.locator('.activity-entries > li').first()).toBeVisible()
    await page.locator('.activity-query summary').first().click()
    await expectNoHorizontalScroll(page)
  })
})

const titles = { fr: 'Applications et accès', de: 'Apps und Zugriffe', it: 'App e accessi' }

for (const [language, title] of Object.entries(titles)) {
  test(`the account area speaks ${language}, with none of its English words left`, async ({ page }) => {
    const pieces = englishPieces(language, 'accountArea/')
    await signInToAccount(page)
    await expectAppsList(page)
    await page.getByLabel('Language').selectOption(language)
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', language)
    const text = await page.locator('main').innerText()
    expect(pieces.filter((piece) => text.includes(piece))).toEqual([])
  })
}
