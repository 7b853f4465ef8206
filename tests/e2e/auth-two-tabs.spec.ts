import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, signIn, test } from './fixtures'

/*
 * Issue 12, defect 3: a request answered in another tab while this one signs
 * in is never offered again: the page reads the request's state once more
 * before it shows the consent, and explains instead.
 */

/** Records, from the first paint on, whether the page ever showed an Accept button. */
async function watchForOffer(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = () =>
      [...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === 'Accept')
    new MutationObserver(() => {
      if (seen()) (window as unknown as { offered?: boolean }).offered = true
    }).observe(document, { childList: true, subtree: true, characterData: true })
  })
}

const offered = (page: Page) => page.evaluate(() => (window as unknown as { offered?: boolean }).offered === true)

for (const answer of [
  { button: 'Refuse', status: 'REFUSED', heading: 'Request already answered', accesses: 0 },
  { button: 'Accept', status: 'ACCEPTED', heading: 'Request already accepted', accesses: 1 },
]) {
  test(`a request ${answer.status.toLowerCase()} in one tab is not offered in another that signs in after`, async ({
    page,
    context,
  }) => {
    const appId = `test-two-tabs-${answer.button.toLowerCase()}`
    const request = await demoPlatform.createAuthRequest({ requestingAppId: appId })
    const other = await context.newPage()
    await watchForOffer(other)
    await other.goto(request.authUrl)
    await expect(other.getByLabel('Password', { exact: true })).toBeEditable()

    await page.goto(request.authUrl)
    await signIn(page, demoUser.username, demoUser.password)
    await page.getByRole('button', { name: answer.button }).click()
    await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()

    await signIn(other, demoUser.username, demoUser.password)
    await expect(other.getByRole('heading', { name: answer.heading })).toBeVisible()
    await expect(other.getByText('You can close this window.')).toBeVisible()
    expect(await offered(other)).toBe(false)
    await expect(other.getByRole('button', { name: 'Refuse' })).toHaveCount(0)

    expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: answer.status })
    const answers = (await demoPlatform.requests()).filter(
      (call) => call.method === 'POST' && call.path === `/reg/access/${request.key}`,
    )
    expect(answers).toHaveLength(1)
    expect(await demoPlatform.liveAccesses(demoUser.username, appId)).toHaveLength(answer.accesses)
    expect((await demoPlatform.user(demoUser.username)).openSessions).toBe(0)
    await other.close()
  })
}
