import type { Page } from '@playwright/test'
import { expect, openNewRequest, test } from './fixtures'
import { expectRefusedLink, foreignHost, foreignOrigin, platformCalls, watchPage } from './security'
import { platformUrl, serviceInfoUrl } from './urls'

/*
 * Issue 7: the account pages refuse a foreign platform like the auth popup does,
 * and what a service info links to (home, support, terms, branding) is used
 * only when it is an http(s) URL: Vue does not block a `javascript:` href.
 */

const accountPages = [
  '/access/register.html',
  '/access/reset-password.html',
  '/access/reset-password.html?resetToken=some-token',
  '/access/change-password.html',
  '/access/signinhub.html',
]

function withServiceInfo(path: string, url: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}pryvServiceInfoUrl=${encodeURIComponent(url)}`
}

/** Serves the demo platform's service info with `changes` (its assets too, when given), as a hostile or careless platform would. */
async function serveServiceInfo(
  page: Page,
  changes: Record<string, unknown>,
  definitions?: Record<string, unknown>,
): Promise<void> {
  await page.route(serviceInfoUrl, async (route) => {
    const answer = await route.fetch()
    await route.fulfill({ response: answer, json: { ...(await answer.json()), ...changes } })
  })
  await page.route(`${platformUrl}/reg/access/*`, async (route) => {
    if (route.request().method() !== 'GET') return route.continue()
    const answer = await route.fetch()
    const state = (await answer.json()) as { serviceInfo?: Record<string, unknown> }
    await route.fulfill({ response: answer, json: { ...state, serviceInfo: { ...state.serviceInfo, ...changes } } })
  })
  if (definitions)
    await page.route(`${platformUrl}/demo-assets/index.json`, (route) => route.fulfill({ json: definitions }))
}

/** Every link, source or style address on the page (head included) that is not http(s) or that carries `marker`. */
function unsafeAddresses(page: Page, marker: string): Promise<string[]> {
  return page.evaluate(
    (needle) =>
      [...document.querySelectorAll('*')].flatMap((element) =>
        ['href', 'src', 'action', 'formaction', 'srcset', 'xlink:href']
          .map((name) => element.getAttribute(name))
          .filter(
            (value): value is string =>
              value !== null && (value.includes(needle) || /^\s*(javascript|vbscript):/i.test(value)),
          ),
      ),
    marker,
  )
}

test('account pages: a foreign pryvServiceInfoUrl is refused before any password field shows, and never contacted', async ({
  page,
}) => {
  const watch = await watchPage(page)
  for (const path of accountPages) {
    await page.goto(withServiceInfo(path, `${foreignOrigin}/reg/service/info`))
    await expectRefusedLink(page, watch, foreignHost)
    await page.goto(withServiceInfo(path, 'javascript:alert(1)//'))
    await expectRefusedLink(page, watch, 'javascript:alert(1)//')
  }
  expect(await platformCalls()).toEqual([])
})

test('account pages: a platform whose service info names a foreign register or API is refused when it is read, and nothing else is sent', async ({
  page,
}) => {
  const watch = await watchPage(page)
  await serveServiceInfo(page, { register: `${foreignOrigin}/reg/`, api: `${foreignOrigin}/{username}/` })

  // Every page reads the service info before its first screen (issue 27: the platform's look), so the refusal comes
  // before any form.
  for (const path of ['/access/register.html', ...accountPages.slice(1)]) {
    await page.goto(path)
    await expect(page.locator('.untrusted-host')).toHaveText(foreignHost)
    await expect(page.locator('input[type="password"]')).toHaveCount(0)
    await expect(page.locator('main form')).toHaveCount(0)
  }

  expect(new Set(await platformCalls())).toEqual(new Set(['GET /reg/service/info']))
  expect(watch.foreignRequests).toEqual([])
})

test('links and branding from the service info are used only when they are http(s) URLs', async ({ page }) => {
  await watchPage(page)
  const marker = 'hostile-value'
  const hostileLinks = {
    home: `javascript:alert('${marker}')`,
    support: `data:text/html,<script>alert('${marker}')</script>`,
    terms: `javascript:alert('${marker}')`,
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg"><script>alert('${marker}')</script></svg>`
  await serveServiceInfo(
    page,
    { ...hostileLinks, assets: { definitions: `${platformUrl}/demo-assets/index.json` } },
    {
      favicon: { default: { url: `javascript:alert('${marker}')` } },
      css: { default: { url: `data:text/css,main{display:none}/*${marker}*/` } },
      logo: { default: { url: `data:image/svg+xml,${encodeURIComponent(svg)}` } },
    },
  )

  await page.goto('/access/register.html')
  await expect(page.getByText(`Terms of use: javascript:alert('${marker}')`)).toBeVisible()
  await expect(page.locator('main')).toBeVisible()
  expect(await unsafeAddresses(page, marker)).toEqual([])

  await openNewRequest(page, { requestingAppId: 'test-hostile-branding' })
  await expect(page.getByLabel('Password', { exact: true })).toBeEditable()
  await page.waitForLoadState('networkidle')
  expect(await unsafeAddresses(page, marker)).toEqual([])
  await expect(page.locator('link[rel="stylesheet"][data-platform-style]')).toHaveCount(0)
})

test('branding definitions at a non-web address, or relative to one, are never fetched nor used', async ({ page }) => {
  await watchPage(page)
  const marker = 'hostile-base'
  const requested: string[] = []
  page.on('request', (request) => requested.push(request.url()))
  await serveServiceInfo(page, { assets: { definitions: `javascript:alert('${marker}')` } })
  await page.goto('/access/register.html')
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(requested.filter((url) => url.includes('demo-assets'))).toEqual([])

  await page.unrouteAll({ behavior: 'wait' })
  await serveServiceInfo(
    page,
    { assets: { definitions: `${platformUrl}/demo-assets/index.json` } },
    {
      baseUrl: `javascript:/${marker}/`,
      css: { default: { url: 'style.css' } },
      logo: { default: { url: 'logo.svg' } },
    },
  )
  await page.goto('/access/register.html')
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(await unsafeAddresses(page, marker)).toEqual([])
  await expect(page.locator('link[rel="stylesheet"][data-platform-style]')).toHaveCount(0)
})
