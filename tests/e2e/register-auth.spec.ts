import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { expect, openNewRequest, test } from './fixtures'
import { createButton, expectNoPasswordLeak, fillRegisterForm, newAccount } from './registerForm'

/** Records whether the sign-in form's heading ever shows, however briefly, from now on. */
async function watchForSignInForm(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(() => {
    const seen = window as unknown as { signInSeen: boolean }
    seen.signInSeen = false
    const look = () => {
      if ([...document.querySelectorAll('h1')].some((heading) => heading.textContent?.trim() === 'Sign in'))
        seen.signInSeen = true
    }
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true })
  })
  return () => page.evaluate(() => (window as unknown as { signInSeen: boolean }).signInSeen)
}

test('a new account continues to the consent of the request without a second password entry', async ({
  page,
  consoleLines,
}) => {
  const request = await openNewRequest(page, {
    requestingAppId: 'test-register',
    requestedPermissions: [{ streamId: 'diary', level: 'read', defaultName: 'Diary' }],
  })
  await page.getByRole('link', { name: 'Create an account' }).click()

  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible()
  const registerUrl = new URL(page.url())
  expect(registerUrl.pathname).toBe('/access/register')
  expect([registerUrl.searchParams.get('key'), registerUrl.searchParams.get('poll')]).toEqual([
    request.key,
    request.poll,
  ])
  await fillRegisterForm(page, newAccount('invited-person'))
  // Slow sign-in: a sign-in form shown in between would have time to appear.
  await demoPlatform.faults([{ method: 'POST', path: '/auth/login$', delayMs: 800 }])
  const signInSeen = await watchForSignInForm(page)
  await createButton(page).click()

  await expect(page.getByRole('heading', { name: 'Your account is ready' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  await expect(page.getByText('“test-register” asks to access the data of invited-person')).toBeVisible()
  expect(await signInSeen()).toBe(false)
  const authUrl = new URL(page.url())
  expect([authUrl.pathname, authUrl.searchParams.get('key')]).toEqual(['/access/auth', request.key])
  expect(await demoPlatform.user('invited-person')).toMatchObject({
    email: 'invited-person@example.com',
    appId: 'pryv-app-web-auth-3',
    referer: 'test-register',
    hosting: 'demo-hosting',
  })

  await page.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  const [access] = await demoPlatform.liveAccesses('invited-person', 'test-register')
  expect(access?.permissions).toEqual([{ streamId: 'diary', level: 'read' }])
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({
    status: 'ACCEPTED',
    username: 'invited-person',
    token: access?.token,
  })
  await expectNoPasswordLeak(page, consoleLines)
})

test('the register page links back to the sign-in of the same request', async ({ page }) => {
  const request = await openNewRequest(page, { requestingAppId: 'test-register-back' })
  await page.getByRole('link', { name: 'Create an account' }).click()
  await page.getByRole('link', { name: 'I already have an account' }).click()

  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  const authUrl = new URL(page.url())
  expect([authUrl.pathname, authUrl.searchParams.get('key')]).toEqual(['/access/auth', request.key])
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'NEED_SIGNIN' })
})
