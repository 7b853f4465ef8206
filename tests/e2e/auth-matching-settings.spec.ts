import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, signIn, test as base } from './fixtures'
import { hostedAuthUrl, type HostedApp } from './hosting/hostedApp'
import { startVariantBuild } from './hosting/variantBuild'
import { platformUrl } from './urls'

/*
 * The two build settings of issue 15, both on in one variant build (the main build keeps the
 * defaults): VITE_SILENT_MATCHING_ACCESS restores the silent hand-over of a matching access,
 * VITE_TOKEN_FREE_RETURN_URL keeps the token out of the legacy return URL.
 */
const test = base.extend<object, { variant: HostedApp }>({
  variant: [
    async ({}, use) => {
      const hosted = await startVariantBuild({
        VITE_SILENT_MATCHING_ACCESS: 'true',
        VITE_TOKEN_FREE_RETURN_URL: 'true',
      })
      await use(hosted)
      await hosted.close()
    },
    { scope: 'worker', timeout: 180_000 },
  ],
})

async function openOnVariant(page: Page, variant: HostedApp, overrides: Record<string, unknown>) {
  const request = await demoPlatform.createAuthRequest(overrides)
  await page.goto(hostedAuthUrl(variant, request.authUrl))
  return request
}

test('VITE_SILENT_MATCHING_ACCESS=true: a matching access answers the app at once, as before issue 15', async ({
  page,
  variant,
}) => {
  const existing = await demoPlatform.seedAccess(demoUser.username, {
    name: 'test-silent',
    permissions: [{ streamId: 'diary', level: 'read' }],
  })
  const request = await openOnVariant(page, variant, {
    requestingAppId: 'test-silent',
    requestedPermissions: [{ streamId: 'diary', level: 'read', defaultName: 'Diary' }],
  })
  await signIn(page, demoUser.username, demoUser.password)

  await expect(page.getByRole('heading', { name: 'Done' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Continue' })).toHaveCount(0)
  expect(await demoPlatform.pollState(request.poll)).toMatchObject({ status: 'ACCEPTED', token: existing.token })
  expect(await demoPlatform.liveAccesses(demoUser.username, 'test-silent')).toHaveLength(1)
})

test('VITE_TOKEN_FREE_RETURN_URL=true: the return URL carries prYvpoll and no token; the demo app completes by polling', async ({
  page,
  variant,
}) => {
  const request = await openOnVariant(page, variant, {
    requestingAppId: 'test-token-free',
    returnURL: `${platformUrl}/demo-app/?from=app`,
  })
  await signIn(page, demoUser.username, demoUser.password)
  await page.getByRole('button', { name: 'Accept' }).click()

  await page.waitForURL((url) => url.pathname === '/demo-app/')
  const query = new URL(page.url()).searchParams
  expect(query.get('from')).toBe('app')
  expect(query.get('prYvpoll')).toBe(request.poll)
  expect(query.get('prYvstatus')).toBe('ACCEPTED')
  expect([...query.keys()].filter((name) => /token|apiEndpoint/i.test(name))).toEqual([])
  const [access] = await demoPlatform.liveAccesses(demoUser.username, 'test-token-free')
  await expect(page.locator('#result-status')).toHaveText('ACCEPTED')
  await expect(page.locator('#result-username')).toHaveText(demoUser.username)
  await expect(page.locator('#result-endpoint')).toContainText(`${access?.token}@`)
})
