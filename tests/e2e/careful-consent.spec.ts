import type { Locator, Page } from '@playwright/test'
import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { openAcceptByRedirect, redirectedResult } from './cmcAcceptFlow'
import { cmcRecords } from './cmcPlatform'
import { currentScope, grantOf, openScopeRequest, returnToApp, scopeAnswers } from './cmcScopeFlow'
import { demoUser, expect, signIn, test } from './fixtures'
import { readLocale } from './localeText'
import { oauthRecords, startOAuthFlow } from './oauthFlow'
import { platformUrl } from './urls'

// Four languages and axe in two themes per test: more than the default time on a busy machine.
test.slow()

const languages = ['en', 'fr', 'de', 'it'] as const
type Language = (typeof languages)[number]

/** A message of the page in a language: core, `account/` (OAuth) or a CMC part, placeholders filled. */
function say(language: Language, part: string, key: string, values: Record<string, string> = {}): string {
  const text = readLocale(language, part).get(key)
  if (text === undefined) throw new Error(`no ${part}${language} message ${key}`)
  return text.replace(/\{(\w+)\}/g, (_match, name: string) => values[name] ?? `{${name}}`)
}

async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.locator('.shell-header select').selectOption(language)
  await expect(page.locator('html')).toHaveAttribute('lang', language)
}

/** The demo health study's own consent sentence, in each language the offer has. */
const healthConsent: Record<Language, string> = {
  en: 'I agree that Demo Health Study reads the data I keep ticked above.',
  fr: 'J’accepte que Demo Health Study lise les données que je laisse cochées ci-dessus.',
  de: 'Ich bin einverstanden, dass Demo Health Study die Daten liest, die ich oben angekreuzt lasse.',
  it: 'Accetto che Demo Health Study legga i dati che lascio selezionati qui sopra.',
}

/** Whether the element is the last thing of the form before its buttons, Accept first among them. */
function sitsRightAboveAccept(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const next = node.nextElementSibling
    return next?.matches('.actions') === true && next.querySelector('button[type="submit"]') !== null
  })
}

/** The distinct line tops of a text as laid out (a Range over it): one entry per line it spans. */
function linesOf(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const range = document.createRange()
    range.selectNodeContents(node)
    return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size
  })
}

test('an app setting of an OAuth offer is a statement about the app in four languages, never a box, and is granted as offered', async ({
  page,
}, testInfo) => {
  const figures: AxeFigure[] = []
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await signIn(page, demoUser.username, demoUser.password)
  for (const language of languages) {
    if (language !== 'en') await chooseLanguage(page, language)
    await expect(page.getByText(say(language, 'account/', 'oauthConsent.choiceIntro'))).toBeVisible()
    const statement = say(language, '', 'permission.feature.selfRevoke_forbidden')
    const settings = page.getByRole('list', { name: say(language, 'account/', 'oauthConsent.appSettings') })
    await expect(settings.getByRole('listitem')).toHaveText([statement])
    await expect(page.getByRole('checkbox')).toHaveCount(2)
    await expect(page.getByRole('checkbox', { name: statement })).toHaveCount(0)
  }
  await chooseLanguage(page, 'en')
  // Item 8: a ticked box takes the platform's accent (its primary buttons' colour), not the browser's blue.
  const accent = await page
    .getByRole('checkbox')
    .first()
    .evaluate((box) => getComputedStyle(box).accentColor)
  const primary = await page
    .getByRole('button', { name: 'Accept' })
    .evaluate((button) => getComputedStyle(button).backgroundColor)
  expect(accent).toBe(primary)
  await expectAccessibleInBothThemes(page, 'oauth offer with an app setting', figures)
  // Unticking every optional data entry leaves the setting granted: the offer's rule, not the person's choice.
  await page.getByRole('checkbox', { name: 'Read “Diary”' }).uncheck()
  await page.getByRole('button', { name: 'Accept', exact: true }).click()
  await page.waitForURL(`${platformUrl}/demo-oauth-client/callback`)
  expect((await oauthRecords()).decisions).toEqual([
    expect.objectContaining({
      kind: 'accept',
      grantedPermissions: [
        { streamId: 'health', level: 'read', defaultName: 'Health' },
        { feature: 'selfRevoke', setting: 'forbidden' },
      ],
    }),
  ])
  await attachAxeFigures(testInfo, figures)
})

test('an app setting of a CMC offer with a choice is a statement too; Accept waits for a data entry and grants the setting', async ({
  page,
}) => {
  await openAcceptByRedirect(page, {
    request: {
      allowUserChoice: true,
      permissions: [
        { streamId: 'health', level: 'read', defaultName: 'Health' },
        { feature: 'selfRevoke', setting: 'forbidden' },
      ],
    },
  })
  await signIn(page, demoUser.username, demoUser.password)
  const settings = page.getByRole('list', { name: say('en', 'cmc/', 'cmcAccept.appSettings') })
  await expect(settings.getByRole('listitem')).toHaveText(['The app cannot revoke its own access.'])
  await expect(page.getByRole('checkbox')).toHaveCount(1)
  await page.getByRole('checkbox', { name: 'Read “Health”' }).uncheck()
  await expect(page.getByRole('button', { name: 'Accept', exact: true })).toBeDisabled()
  await page.getByRole('checkbox', { name: 'Read “Health”' }).check()
  const returned = redirectedResult(page)
  await page.getByRole('button', { name: 'Accept', exact: true }).click()
  expect(await returned).toMatchObject({ ok: true })
  await expect
    .poll(async () => (await cmcRecords()).triggers.find((trigger) => trigger.type === 'consent/accept-cmc')?.content)
    .toMatchObject({
      grantedPermissions: [
        { streamId: 'health', level: 'read', defaultName: 'Health' },
        { feature: 'selfRevoke', setting: 'forbidden' },
      ],
    })
})

test("the offer's consent sentence sits right above the Accept it qualifies, after the boxes, in four languages", async ({
  page,
}) => {
  await startOAuthFlow(page, 'demo-health-study cmc:share')
  await signIn(page, demoUser.username, demoUser.password)
  for (const language of languages) {
    if (language !== 'en') await chooseLanguage(page, language)
    const consent = page.getByText(healthConsent[language], { exact: true })
    await expect(consent).toBeVisible()
    expect(await sitsRightAboveAccept(consent)).toBe(true)
    // Item 8: German says one verb for one act, "annehmen", as the auth popup and the CMC pages do.
    if (language === 'de') {
      await expect(page.getByRole('button', { name: /^(Alles )?annehmen$/i })).not.toHaveCount(0)
      expect(await page.locator('main').innerText()).not.toMatch(/akzeptier/i)
    }
    const lastBox = page.getByRole('checkbox').last()
    const below = await lastBox.evaluate(
      (box, sentence) =>
        [...document.querySelectorAll('p')].some(
          (p) =>
            p.textContent?.trim() === sentence &&
            (box.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
        ),
      healthConsent[language],
    )
    expect(below).toBe(true)
  }
})

test("the CMC invitation's consent sentence sits right above its Accept", async ({ page }) => {
  await openAcceptByRedirect(page)
  await signIn(page, demoUser.username, demoUser.password)
  const consent = page.getByText('I agree that Demo Study reads my health data.', { exact: true })
  await expect(consent).toBeVisible()
  expect(await sitsRightAboveAccept(consent)).toBe(true)
})

test('a scope request that changes nothing says so in four languages, and answering it leaves the grant as it was', async ({
  page,
}, testInfo) => {
  const figures: AxeFigure[] = []
  const { grant } = await openScopeRequest(page, { newPermissions: currentScope })
  await signIn(page, demoUser.username, demoUser.password)
  for (const language of languages) {
    if (language !== 'en') await chooseLanguage(page, language)
    const text = (key: string, values: Record<string, string> = {}) =>
      say(language, 'cmcScopeUpdate/', `cmcScopeUpdate.${key}`, values)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      text('noChange.consentTitle', { requester: 'demo-study' }),
    )
    await expect(page.getByText(text('noChange.signedInAs', { username: demoUser.username }))).toBeVisible()
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(text('noChange.changesLabel'))
    await expect(page.getByRole('region')).toHaveCount(1)
    await expect(page.getByRole('region', { name: text('kept') }).getByRole('listitem')).toHaveCount(2)
    await expect(page.getByRole('button', { name: text('noChange.accept'), exact: true })).toBeVisible()
    await expect(page.getByRole('button', { name: text('accept'), exact: true })).toHaveCount(0)
    await expect(page.getByRole('heading', { name: text('consentTitle', { requester: 'demo-study' }) })).toHaveCount(0)
  }
  await chooseLanguage(page, 'en')
  await expectAccessibleInBothThemes(page, 'scope request changing nothing', figures)
  const returned = returnToApp(page)
  await page.getByRole('button', { name: 'Agree', exact: true }).click()
  expect(await returned).toMatchObject({ ok: true, action: 'accept' })
  const [answer] = await scopeAnswers()
  expect(answer?.content).toMatchObject({ accept: true, accessId: grant.dataGrantAccessId })
  const kept = (await grantOf(grant.dataGrantAccessId)).permissions.filter(
    (entry) => 'streamId' in entry && !entry.streamId.startsWith(':_cmc:'),
  )
  expect(kept.map((entry) => ('streamId' in entry ? entry.streamId : ''))).toEqual(['health', 'diary'])
  await attachAxeFigures(testInfo, figures)
})

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } })

  const requesterHost = new URL(platformUrl).host
  const account = `demo-study@${requesterHost}`

  /** The account line under the heading: its host token laid out on one line, nothing reaching past the screen. */
  async function expectAccountOnOneLine(page: Page, language: Language): Promise<void> {
    const line = page.locator('.requester-account')
    await expect(line).toHaveText(`${say(language, 'cmc/', 'cmc.requesterAccount')} ${account}`)
    expect(await linesOf(line.locator('span').last())).toBe(1)
    expect(await linesOf(line.locator('span').first())).toBe(1)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  }

  test('the accept page names the requester by its display name, its account as a detail that keeps host and port whole', async ({
    page,
  }, testInfo) => {
    const figures: AxeFigure[] = []
    await openAcceptByRedirect(page)
    await expect(page.getByText('Demo Study invites you to share data from your account.')).toBeVisible()
    await signIn(page, demoUser.username, demoUser.password)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Share your data with Demo Study?')
    for (const language of languages) {
      if (language !== 'en') await chooseLanguage(page, language)
      await expectAccountOnOneLine(page, language)
    }
    await chooseLanguage(page, 'en')
    await expectAccessibleInBothThemes(page, 'cmc accept at 320 px', figures)
    await attachAxeFigures(testInfo, figures)
  })

  test('the scope update names the requester the same way, and its message uses the card’s full width', async ({
    page,
  }, testInfo) => {
    const figures: AxeFigure[] = []
    await openScopeRequest(page, {
      message: { en: 'May the study also count your steps, every day of the six months it runs?' },
    })
    await signIn(page, demoUser.username, demoUser.password)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'demo-study asks to change its access to your data',
    )
    for (const language of languages) {
      if (language !== 'en') await chooseLanguage(page, language)
      await expectAccountOnOneLine(page, language)
    }
    await chooseLanguage(page, 'en')
    const widths = await page.evaluate(() => {
      const card = document.querySelector('form.panel')
      const message = document.querySelector('.scope-message blockquote')
      if (!card || !message) return null
      const style = getComputedStyle(card)
      const inner = card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      return { inner, message: message.getBoundingClientRect().width }
    })
    expect(widths).not.toBeNull()
    expect(widths!.message).toBeGreaterThanOrEqual(widths!.inner - 2)
    // Item 8: "Added" and "Removed" are told apart by their bars' colour and line, on the platform's red too.
    const bars = await page.evaluate(() =>
      ['added', 'removed'].map((group) => {
        const section = document.querySelector(`.scope-${group}`)
        const style = section && getComputedStyle(section)
        return style && { color: style.borderLeftColor, line: style.borderLeftStyle }
      }),
    )
    expect(bars[0]?.color).toBeTruthy()
    expect(bars[0]?.color).not.toBe(bars[1]?.color)
    expect(bars[0]?.line).not.toBe(bars[1]?.line)
    await expectAccessibleInBothThemes(page, 'cmc scope update at 320 px', figures)
    await attachAxeFigures(testInfo, figures)
  })
})
