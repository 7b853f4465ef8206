import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, signIn } from './fixtures'
import { hostedAuthUrl, test } from './hosting/hostedApp'
import { testExampleConfig } from './hosting/nginxExample'

test.use({ layout: 'nginx' })

/** Every Content-Security-Policy violation the browser reports to the page, from its first script on. */
async function watchCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__cspViolations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
    )
  })
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)
}

const cspConsoleLines = (lines: string[]) => lines.filter((line) => line.includes('Content Security Policy'))

test('nginx -t accepts the example as it is', async () => {
  const result = await testExampleConfig()
  expect(result.output).toContain('test is successful')
  expect(result.ok).toBe(true)
})

test('the plain-HTTP server only redirects to https', async ({ request, hosted }) => {
  const response = await request.get(`${hosted.plainHttpOrigin}/access/access.html?key=k1`, { maxRedirects: 0 })
  expect(response.status()).toBe(301)
  expect(response.headers().location).toBe('https://localhost/access/access.html?key=k1')
})

test('pages carry the security headers and are revalidated; hashed assets are cached for a year', async ({
  request,
  hosted,
}) => {
  const page = await request.get(new URL('access.html', hosted.appUrl).href)
  const headers = page.headers()
  const csp = headers['content-security-policy'] ?? ''
  expect(csp).toContain("script-src 'self';")
  expect(csp).not.toContain('unsafe-')
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toContain("object-src 'none'")
  expect(csp).toContain(`connect-src 'self' http://127.0.0.1:`)
  expect(headers).toMatchObject({
    'cache-control': 'no-cache',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'strict-transport-security': expect.stringContaining('max-age='),
    'permissions-policy': expect.stringContaining('camera=()'),
  })

  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(await page.text())?.[1]
  expect(script).toBeDefined()
  const asset = await request.get(new URL(script ?? '', hosted.appUrl).href)
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(asset.headers()['content-security-policy']).toBe(csp)
  const missing = await request.get(new URL('assets/missing-0000.js', hosted.appUrl).href)
  expect(missing.status()).toBe(404)
  expect(missing.headers()['cache-control']).toBeUndefined()
})

test('the export download worker is served as JavaScript, revalidated, and allowed by the CSP', async ({
  request,
  hosted,
}) => {
  const worker = await request.get(new URL('export-download-worker.js', hosted.appUrl).href)
  expect(worker.status()).toBe(200)
  expect(worker.headers()['content-type']).toMatch(/^(?:application|text)\/javascript/)
  expect(worker.headers()['cache-control']).toBe('no-cache')
  expect(worker.headers()['content-security-policy']).toContain("worker-src 'self'; frame-src 'self';")
})

test('an unknown path several folders deep still shows the not-found page', async ({ page, hosted }) => {
  await page.goto(new URL('a/b/no-such-page', hosted.appUrl).href)
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})

test('the whole auth flow runs without a CSP violation', async ({ page, hosted, consoleLines }) => {
  const violations = await watchCspViolations(page)
  const request = await demoPlatform.createAuthRequest({
    requestingAppId: 'test-csp',
    clientData: { 'app-web-auth:description': { type: 'note/txt', content: 'Needs **your** diary.' } },
  })
  await page.goto(hostedAuthUrl(hosted, request.authUrl))
  await signIn(page, demoUser.username, demoUser.password)
  await expect(page.getByRole('heading', { name: 'Give access to your data?' })).toBeVisible()
  await expect(page.locator('.consent-description strong')).toHaveText('your')
  await page.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()

  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED' })
  expect(await violations()).toEqual([])
  expect(cspConsoleLines(consoleLines)).toEqual([])
})

test('the policy is enforced and a violation would be seen', async ({ page, hosted, consoleLines }) => {
  const violations = await watchCspViolations(page)
  await page.goto(new URL('access.html', hosted.appUrl).href)
  await expect(page.getByRole('main')).toBeVisible()
  const ran = await page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.inlineScriptRan = true'
    document.body.append(script)
    return (window as unknown as { inlineScriptRan?: boolean }).inlineScriptRan ?? false
  })
  expect(ran).toBe(false)
  expect(await violations()).toEqual([expect.stringMatching(/^script-src-elem inline$/)])
  await expect.poll(() => cspConsoleLines(consoleLines)).toHaveLength(1)
})
