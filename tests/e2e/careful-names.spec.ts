import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signInByFields, test } from './fixtures'

/*
 * Issue 26, item 2: every permission line names the stream as the person named it on their account (the page is
 * signed in), else as the request proposes it, the id only as the last resort; the consent and the screen of a
 * matching access alike, in every language. The demo account calls its stream "diary" "Diary".
 */
const proposed = [
  { streamId: 'diary', level: 'read', defaultName: 'Journal of the app' },
  { streamId: 'sleep-log', level: 'contribute', defaultName: 'Sleep log' },
]

async function permissionLines(page: Page): Promise<string[]> {
  // The sign-in's own heading may still hold the focus as the answer comes: wait for the lines themselves.
  await expect(page.locator('main li').first()).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused()
  return page.locator('main li').allInnerTexts()
}

for (const language of ['en', 'fr', 'de', 'it']) {
  test(`${language}: the consent and a matching access name the person's stream by its name, a new one by the request's`, async ({
    page,
  }) => {
    await openNewRequest(page, {
      requestingAppId: 'test-names',
      requestedPermissions: proposed,
      languageCode: language,
    })
    await signInByFields(page, demoUser.username, demoUser.password)
    const consent = (await permissionLines(page)).join('\n')
    expect(consent).toContain('Diary')
    expect(consent).toContain('Sleep log')
    expect(consent).not.toMatch(/Journal of the app|\bdiary\b|sleep-log/)

    await demoPlatform.seedAccess(demoUser.username, {
      name: 'test-names-held',
      permissions: [{ streamId: 'diary', level: 'read' }],
    })
    await openNewRequest(page, {
      requestingAppId: 'test-names-held',
      requestedPermissions: [proposed[0]],
      languageCode: language,
    })
    await signInByFields(page, demoUser.username, demoUser.password)
    const matching = (await permissionLines(page)).join('\n')
    expect(matching).toContain('Diary')
    expect(matching).not.toMatch(/Journal of the app|\bdiary\b/)
  })
}
