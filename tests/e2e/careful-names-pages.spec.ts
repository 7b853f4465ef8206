import type { Page } from '@playwright/test'
import {
  acceptPageLink,
  publishOffer,
  requestScopeUpdate,
  scopeUpdatePageLink,
  seedGrant,
  settledTrigger,
  type CmcPermission,
} from './cmcPlatform'
import { scopeAnswers } from './cmcScopeFlow'
import { demoUser, expect, signInByFields, test } from './fixtures'
import { consentLink, consentPageUrl, oauthRecords } from './oauthFlow'
import { platformUrl } from './urls'

/*
 * Issue 26, item 2, on the pages beyond the auth popup: the OAuth consent, the CMC accept and the CMC scope update
 * name each stream as the signed-in person named it ("Diary" for the demo account's `diary`), else as the offer
 * proposes it, never by its id; and what reaches the platform is the offer's entries as they came.
 */
const languages = ['en', 'fr', 'de', 'it']
// The demo account has `diary` ("Diary") and `health` ("Health"); `sleep-log` is not one of its streams.
const offered: CmcPermission[] = [
  { streamId: 'diary', level: 'read', defaultName: 'Study journal' },
  { streamId: 'sleep-log', level: 'contribute', defaultName: 'Nights' },
]

/** The permission lines once they name what is expected: the names arrive a moment after the session opens. */
async function expectLines(page: Page, shown: string[], hidden: RegExp): Promise<void> {
  const lines = page.locator('main .permission-list li')
  await expect.poll(async () => (await lines.allInnerTexts()).join('\n')).toMatch(new RegExp(shown.join('[^]*')))
  expect((await lines.allInnerTexts()).join('\n')).not.toMatch(hidden)
}

const otherUser = { username: 'other-user', password: 'other-password-1' }
const acceptButton = (page: Page) => page.locator('main form button[type="submit"]')

for (const language of languages) {
  test(`${language}: the OAuth consent names the person's streams, the offer's entries granted as offered`, async ({
    page,
  }) => {
    // The Zürich offer names `diary` "Journal" and `health` "Santé": an account without these streams reads that.
    await page.goto(consentPageUrl({ ...(await consentLink('cmc:intl', 'demo-etude-zurich')), lang: language }))
    await signInByFields(page, otherUser.username, otherUser.password)
    await expectLines(page, ['Journal', 'Santé'], /\bdiary\b|\bhealth\b/)

    // The demo account calls them "Diary" and "Health".
    await page.goto(consentPageUrl({ ...(await consentLink('cmc:intl', 'demo-etude-zurich')), lang: language }))
    await signInByFields(page, demoUser.username, demoUser.password)
    await expectLines(page, ['Diary', 'Health'], /Journal|Santé|\bdiary\b|\bhealth\b/)

    await acceptButton(page).click()
    await page.waitForURL(`${platformUrl}/demo-oauth-client/callback**`)
    expect((await oauthRecords()).decisions[0]).toMatchObject({
      kind: 'accept',
      grantedPermissions: [
        { streamId: 'diary', level: 'read', defaultName: 'Journal' },
        { streamId: 'health', level: 'create-only', defaultName: 'Santé' },
      ],
    })
  })

  test(`${language}: the CMC accept names the person's stream once signed in, the offer's name for a new one`, async ({
    page,
  }) => {
    const offer = await publishOffer({ request: { permissions: offered, allowUserChoice: true } })
    await page.goto(`${acceptPageLink({ capabilityUrl: offer.capabilityUrl })}&lang=${language}`)
    // Before the sign-in, only the offer's names are known.
    await expectLines(page, ['Study journal', 'Nights'], /\bdiary\b|sleep-log/)
    await signInByFields(page, demoUser.username, demoUser.password)
    await expectLines(page, ['Diary', 'Nights'], /Study journal|\bdiary\b|sleep-log/)

    await acceptButton(page).click()
    const trigger = await settledTrigger('consent/accept-cmc', demoUser.username)
    expect(trigger.content.grantedPermissions).toEqual(offered)
  })

  test(`${language}: the CMC scope update names current and proposed streams as the person does`, async ({ page }) => {
    const current: CmcPermission[] = [{ streamId: 'health', level: 'read', defaultName: 'Wellbeing' }]
    const proposed = [...current, ...offered]
    await seedGrant({ recipient: demoUser.username, permissions: current })
    const request = await requestScopeUpdate({ recipient: demoUser.username, newPermissions: proposed })
    await page.goto(`${scopeUpdatePageLink(request)}&lang=${language}`)
    await signInByFields(page, demoUser.username, demoUser.password)
    await expectLines(page, ['Diary', 'Nights', 'Health'], /Study journal|Wellbeing|\bdiary\b|\bhealth\b|sleep-log/)

    await acceptButton(page).click()
    await expect.poll(async () => (await scopeAnswers()).length).toBe(1)
    const [answer] = await scopeAnswers()
    expect(answer?.content).toMatchObject({ accept: true, newPermissions: proposed })
  })
}
