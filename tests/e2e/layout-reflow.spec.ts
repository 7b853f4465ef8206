import type { Page, TestInfo } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, mfaUser, openNewRequest, signIn, test } from './fixtures'
import { appUrl, platformUrl } from './urls'

// No horizontal scrolling, on every page and main state:
// - 320 x 640 CSS px: WCAG 1.4.10 reflow (a 1280 px wide window at 400% zoom);
// - 640 x 400 CSS px at 2 device pixels per CSS px: a 1280 x 800 window at 200% zoom. Browser zoom
//   is exactly this (fewer, larger CSS pixels, media queries included), so emulating it needs no CSS zoom;
// - 1280 x 800: a desktop window.
// Screenshots of each state are attached to the test (and kept under test-results/).
test.describe.configure({ timeout: 120_000 })

const longWord = 'Supercalifragilistic'.repeat(6)
const consentMessage = [
  `An unbroken word: ${longWord}.`,
  '',
  '```',
  `const endpoint = 'https://api.example.com/${'very-long-path-segment/'.repeat(6)}'`,
  '```',
  '',
  `Read more at [our site](https://example.com/${'x'.repeat(80)}) and \`${'inline-code-'.repeat(8)}\`.`,
].join('\n')

const longHosting = {
  url: `${platformUrl}/`,
  name: 'Geneva data centre with a rather long name',
  description: `Kept in ${longWord}`,
  available: true,
  availableCore: `${platformUrl}/`,
}
const hostings = {
  regions: {
    europe: {
      name: 'Europe',
      zones: {
        switzerland: {
          name: 'Switzerland',
          hostings: { 'ch-a': longHosting, 'ch-b': { ...longHosting, name: 'Zurich' } },
        },
      },
    },
  },
}

async function expectNoHorizontalScroll(page: Page, testInfo: TestInfo, state: string): Promise<void> {
  const file = testInfo.outputPath(`${state.replace(/\W+/g, '-')}.png`)
  await page.screenshot({ path: file, fullPage: true })
  await testInfo.attach(state, { path: file, contentType: 'image/png' })
  const layout = await page.evaluate(() => {
    const width = document.documentElement.clientWidth
    // Elements reaching past the viewport, even where an ancestor clips them: they would be cut off.
    const offenders = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, offenders }
  })
  expect(layout.offenders, `${state}: elements past the right edge`).toEqual([])
  expect(layout.scrollWidth, `${state}: horizontal scrolling`).toBeLessThanOrEqual(layout.innerWidth)
}

async function visitEveryState(page: Page, testInfo: TestInfo): Promise<void> {
  await demoPlatform.faults([
    {
      method: 'POST',
      path: '/auth/login$',
      status: 500,
      body: { error: { id: 'unexpected-error', message: `Failure in ${longWord}` } },
    },
  ])
  await openNewRequest(page, {
    requestingAppId: `test-layout-${'long-app-id-'.repeat(4)}`,
    clientData: { 'app-web-auth:description': { type: 'note/txt', content: consentMessage } },
    expireAfter: 7 * 86400,
  })
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable()
  await expectNoHorizontalScroll(page, testInfo, 'sign-in')
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('alert')).toContainText('The platform had a problem.')
  await expectNoHorizontalScroll(page, testInfo, 'sign-in with a platform error')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  await expectNoHorizontalScroll(page, testInfo, 'consent with code and long words')

  await openNewRequest(page)
  await signIn(page, mfaUser.username, mfaUser.password)
  await expect(page.getByLabel('Verification code')).toBeVisible()
  await expectNoHorizontalScroll(page, testInfo, 'MFA')

  await demoPlatform.setHostings(hostings)
  await page.goto('/access/register?lang=de')
  await page.getByRole('button', { name: 'Mein Konto erstellen' }).click()
  await expect(page.getByRole('combobox', { name: 'Wo Ihre Daten gespeichert werden' })).toBeVisible()
  await expectNoHorizontalScroll(page, testInfo, 'register in German with errors and hostings')

  await page.goto('/access/reset-password?resetToken=some-token')
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible()
  await expectNoHorizontalScroll(page, testInfo, 'reset with a token')
  await page.goto('/access/change-password')
  await expect(page.getByRole('heading', { name: 'Change your password' })).toBeVisible()
  await expectNoHorizontalScroll(page, testInfo, 'change password')
  await page.goto('/access/signinhub?lang=it')
  await expect(page.getByRole('heading', { name: 'Vai al tuo account' })).toBeVisible()
  await expectNoHorizontalScroll(page, testInfo, 'sign-in hub in Italian')
  await page.goto(
    `/access/access.html?key=k&poll=${encodeURIComponent(`https://${'very-long-subdomain-'.repeat(4)}.evil.example/reg/access/k`)}`,
  )
  await expect(page.getByRole('heading', { name: 'This link cannot be trusted' })).toBeVisible()
  await expectNoHorizontalScroll(page, testInfo, 'untrusted link with a long host')
  await page.goto(`${appUrl}/access/no-such-page`)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
  await expectNoHorizontalScroll(page, testInfo, 'not found')
}

test.describe('320 x 640 (reflow)', () => {
  test.use({ viewport: { width: 320, height: 640 } })
  test('no horizontal scrolling', async ({ page }, testInfo) => visitEveryState(page, testInfo))
})

test.describe('1280 x 800 at 200% zoom', () => {
  test.use({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 })
  test('no horizontal scrolling', async ({ page }, testInfo) => visitEveryState(page, testInfo))
})

test.describe('1280 x 800', () => {
  test.use({ viewport: { width: 1280, height: 800 } })
  test('no horizontal scrolling', async ({ page }, testInfo) => visitEveryState(page, testInfo))
})
