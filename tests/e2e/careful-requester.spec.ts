import type { Locator, Page } from '@playwright/test'
import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import {
  acceptPageLink,
  publishOffer,
  requestScopeUpdate,
  scopeUpdatePageLink,
  seedGrant,
  settledTrigger,
} from './cmcPlatform'
import { currentScope, proposedScope } from './cmcScopeFlow'
import { demoUser, expect, signInByFields, test } from './fixtures'
import { readLocale } from './localeText'
import { platformUrl } from './urls'

/*
 * Issue 26, item 6: both CMC pages name the requester the same way at 320 px: its display name where they speak of
 * it, its account and host as a detail of its own that wraps only between whole pieces (never inside the port), and
 * the scope request's message over the card's whole width. The scope request itself names its requester only by
 * account: its display name is the one the data grant was given under (the accept link's `accessName`).
 */
test.use({ viewport: { width: 320, height: 640 } })
test.describe.configure({ timeout: 120_000 })

const displayName = 'Demo Study'
const host = new URL(platformUrl).host
const account = `demo-study@${host}`
const message = {
  en: 'May the study also count your steps, every day, for the six months the study lasts?',
  fr: 'L’étude peut-elle aussi compter vos pas, chaque jour, pendant les six mois que dure l’étude ?',
  de: 'Darf die Studie auch Ihre Schritte zählen, jeden Tag, während der sechs Monate der Studie?',
  it: 'Lo studio può contare anche i tuoi passi, ogni giorno, per i sei mesi dello studio?',
}

/** Opens the scope-update page for a grant given under the study's display name, in `language`. */
async function openNamedScopeRequest(page: Page, language: string): Promise<void> {
  await seedGrant({ recipient: demoUser.username, permissions: currentScope, accessName: displayName })
  const request = await requestScopeUpdate({ recipient: demoUser.username, newPermissions: proposedScope, message })
  await page.goto(`${scopeUpdatePageLink(request)}&lang=${language}`)
  await signInByFields(page, demoUser.username, demoUser.password)
}

/** The lines (distinct tops) the given text occupies inside `element`, from the boxes of its characters. */
function linesOfText(element: Locator, text: string): Promise<number> {
  return element.evaluate((node, wanted) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
    const tops = new Set<number>()
    for (let current = walker.nextNode(); current; current = walker.nextNode()) {
      const content = current.textContent ?? ''
      const start = content.indexOf(wanted)
      if (start < 0) continue
      for (let index = start; index < start + wanted.length; index += 1) {
        const range = document.createRange()
        range.setStart(current, index)
        range.setEnd(current, index + 1)
        for (const rect of range.getClientRects()) tops.add(Math.round(rect.top))
      }
    }
    return tops.size
  }, text)
}

/** The account detail: under the heading, its own block, the host and port whole on one line. */
async function expectAccountDetail(page: Page, language: string): Promise<void> {
  const detail = page.locator('.requester-account')
  await expect(detail).toHaveText(`${readLocale(language, 'cmc/').get('cmc.requesterAccount')} ${account}`)
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox()
  const box = await detail.boundingBox()
  if (!heading || !box) throw new Error('not laid out')
  expect(box.y).toBeGreaterThanOrEqual(heading.y + heading.height)
  expect(await linesOfText(detail, host)).toBe(1)
  expect(await linesOfText(detail, host.split(':')[1] ?? '')).toBe(1)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
}

/** The width of the card's content box: what a block of the card may fill. */
function contentWidthOf(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const card = node.closest('.panel')
    if (!card) return 0
    const style = getComputedStyle(card)
    return card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
  })
}

for (const language of ['en', 'fr', 'de', 'it'] as const) {
  test(`${language}: the scope update names the requester by its display name, its account a clean detail, the message full width`, async ({
    page,
  }) => {
    await openNamedScopeRequest(page, language)
    const title = readLocale(language, 'cmcScopeUpdate/').get('cmcScopeUpdate.consentTitle') ?? ''
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title.replace('{requester}', displayName))
    await expectAccountDetail(page, language)

    const quote = page.locator('.scope-message blockquote')
    await expect(quote).toHaveText(message[language])
    const width = await contentWidthOf(quote)
    expect(width).toBeGreaterThan(200)
    expect((await page.locator('.scope-message').boundingBox())?.width).toBeCloseTo(width, 0)
    // The quote keeps only its rule and a small indent: no narrow column.
    expect((await quote.boundingBox())?.width).toBeCloseTo(width, 0)
  })

  test(`${language}: the accept page names the requester the same way`, async ({ page }) => {
    const offer = await publishOffer()
    await page.goto(`${acceptPageLink({ capabilityUrl: offer.capabilityUrl })}&lang=${language}`)
    await signInByFields(page, demoUser.username, demoUser.password)
    const title = readLocale(language, 'cmc/').get('cmcAccept.consentTitle') ?? ''
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title.replace('{requester}', displayName))
    await expectAccountDetail(page, language)
  })
}

test('the display name the accept page gave the grant names the requester on the later scope update', async ({
  page,
}) => {
  const offer = await publishOffer()
  await page.goto(acceptPageLink({ capabilityUrl: offer.capabilityUrl, accessName: displayName }))
  await signInByFields(page, demoUser.username, demoUser.password)
  await page.locator('main form button[type="submit"]').click()
  const accepted = await settledTrigger('consent/accept-cmc', demoUser.username)
  expect(accepted.status).toBe('completed')

  const request = await requestScopeUpdate({ recipient: demoUser.username, newPermissions: proposedScope, message })
  await page.goto(scopeUpdatePageLink(request))
  await signInByFields(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `${displayName} asks to change its access to your data`,
  )
  await expect(page.locator('.requester-account')).toContainText(account)
})

test('the scope update at 320 px, requester named, has no axe violation, light and dark', async ({
  page,
}, testInfo) => {
  const figures: AxeFigure[] = []
  await openNamedScopeRequest(page, 'en')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(displayName)
  await expectAccessibleInBothThemes(page, 'scope update at 320 px', figures)
  await attachAxeFigures(testInfo, figures)
})
