import { legacyEntryPages } from '../../scripts/entry-pages.ts'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, signIn } from './fixtures'
import { hostedAuthUrl, test, type Layout } from './hosting/hostedApp'

// What each address shows when opened without a query (the auth page then explains the link is incomplete).
const headingOf: Record<string, string> = {
  'access.html': 'The request could not be loaded',
  'register.html': 'Create an account',
  'reset-password.html': 'Reset your password',
  'signinhub.html': 'Go to your account',
  'change-password.html': 'Change your password',
  'oauth2-authorize.html': 'This authorization request cannot be used',
  // The account area asks to sign in first.
  'account.html': 'Sign in',
  // Without a token there is nothing to verify.
  'verify-email.html': 'This link cannot be used',
}
const cleanRoutes: Array<[string, string]> = [
  ['register', 'Create an account'],
  ['reset-password', 'Reset your password'],
  ['reset', 'Reset your password'],
  ['change-password', 'Change your password'],
  ['signinhub', 'Go to your account'],
  ['signin', 'Go to your account'],
  ['account', 'Sign in'],
  ['oauth2-authorize', 'This authorization request cannot be used'],
  ['verify-email', 'This link cannot be used'],
]

const layouts: Array<{ layout: Layout; title: string }> = [
  { layout: 'spa-rewrite', title: 'at /access/ with an SPA rewrite' },
  { layout: 'github-pages', title: 'as a GitHub Pages project site, without rewrites' },
  { layout: 'nginx', title: 'behind the NGINX example' },
]

for (const { layout, title } of layouts) {
  test.describe(`served ${title}`, () => {
    test.use({ layout })

    test('each legacy entry point is a real file that opens its page', async ({ page, hosted }) => {
      for (const entryPage of legacyEntryPages) {
        const response = await page.goto(new URL(entryPage, hosted.appUrl).href)
        expect(response?.status(), entryPage).toBe(200)
        await expect(page.getByRole('heading', { level: 1 }), entryPage).toHaveText(
          headingOf[entryPage] ?? 'unlisted entry page',
        )
      }
    })

    test('each clean route and short alias opens its page', async ({ page, hosted }) => {
      for (const [route, heading] of cleanRoutes) {
        const response = await page.goto(new URL(route, hosted.appUrl).href)
        expect(response?.status(), route).toBe(hosted.missingFileStatus)
        await expect(page.getByRole('heading', { level: 1 }), route).toHaveText(heading)
      }
    })

    test('a clean route opens the auth flow', async ({ page, hosted }) => {
      const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-clean-route' })
      const response = await page.goto(hostedAuthUrl(hosted, request.authUrl, 'auth'))
      expect(response?.status()).toBe(hosted.missingFileStatus)
      await expect(page.getByLabel('Username or e-mail')).toBeVisible()
    })

    test('an unknown path shows the not-found page', async ({ page, hosted }) => {
      const response = await page.goto(new URL('no-such-page', hosted.appUrl).href)
      expect(response?.status()).toBe(hosted.missingFileStatus)
      await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    })

    test('signing in and accepting gives the app its access', async ({ page, hosted }) => {
      const request = await demoPlatform.createAuthRequest({ requestingAppId: `test-${layout}` })
      await page.goto(hostedAuthUrl(hosted, request.authUrl))
      await signIn(page, demoUser.username, demoUser.password)
      await page.getByRole('button', { name: 'Accept' }).click()
      await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()

      const [access] = await demoPlatform.liveAccesses(demoUser.username, `test-${layout}`)
      expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', token: access?.token })
    })
  })
}
