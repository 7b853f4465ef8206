import { demoPlatform } from './demoPlatform'
import { expect } from './fixtures'
import { hostedAuthUrl, test } from './hosting/hostedApp'

test.use({ layout: 'github-pages' })

test('a pryvServiceInfoUrl outside the trusted platforms is refused, named and never contacted', async ({
  page,
  hosted,
}) => {
  const contacted: string[] = []
  page.on('request', (sent) => {
    if (new URL(sent.url()).hostname === 'platform.example') contacted.push(sent.url())
  })
  const request = await demoPlatform.createAuthRequest({ requestingAppId: 'test-override' })
  const link = new URL(hostedAuthUrl(hosted, request.authUrl))
  link.searchParams.set('pryvServiceInfoUrl', 'https://platform.example/reg/service/info')
  await page.goto(link.href)

  await expect(page.getByRole('heading', { name: 'This link cannot be trusted' })).toBeVisible()
  await expect(page.getByText('platform.example', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0)
  expect(contacted).toEqual([])
})
