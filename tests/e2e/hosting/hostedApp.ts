import { fileURLToPath } from 'node:url'
import { startStaticSite } from '../../demo-platform/server.ts'
import { test as base } from '../fixtures'
import { appUrl, platformUrl } from '../urls'
import { startNginxSite } from './nginxExample'

const distDir = fileURLToPath(new URL('../../../dist/', import.meta.url))

/** The ways an operator serves the built dist/ (README, "Serve it"). */
export type Layout = 'spa-rewrite' | 'github-pages' | 'nginx'

export interface HostedApp {
  /** The folder the app is served from, with its trailing slash. */
  appUrl: string
  /** The status the host gives an address without a file: the app answers it either way. */
  missingFileStatus: number
  /** nginx only: its plain-HTTP server, which redirects to https. */
  plainHttpOrigin?: string
  close: () => Promise<void>
}

async function startLayout(layout: Layout): Promise<HostedApp> {
  if (layout === 'spa-rewrite') {
    // The demo server Playwright starts (scripts/demo.ts) already rewrites like the NGINX example.
    return { appUrl: `${appUrl}/access/`, missingFileStatus: 200, close: async () => {} }
  }
  if (layout === 'github-pages') {
    // A GitHub Pages project site: no rewrites, the app under /<repository>/access/, 404.html for the rest.
    const site = await startStaticSite({
      port: 0,
      root: distDir,
      basePath: '/app-web-auth3/access/',
      missingFile: 'not-found-page',
    })
    return { appUrl: site.url, missingFileStatus: 404, close: site.close }
  }
  const site = await startNginxSite({ distDir, platformOrigin: platformUrl })
  return { appUrl: site.appUrl, missingFileStatus: 200, plainHttpOrigin: site.httpOrigin, close: site.close }
}

/**
 * The fixtures' `test`, with the built app served in the layout a describe block
 * picks (`test.use({ layout })`). Each layout's server starts once per worker.
 */
export const test = base.extend<
  { layout: Layout; hosted: HostedApp },
  { hostLayout: (layout: Layout) => Promise<HostedApp> }
>({
  layout: ['spa-rewrite', { option: true }],
  hostLayout: [
    async ({}, use) => {
      const started = new Map<Layout, Promise<HostedApp>>()
      await use((layout) => {
        const hosted = started.get(layout) ?? startLayout(layout)
        started.set(layout, hosted)
        return hosted
      })
      await Promise.all([...started.values()].map(async (hosted) => (await hosted).close()))
    },
    { scope: 'worker' },
  ],
  hosted: async ({ layout, hostLayout }, use) => {
    await use(await hostLayout(layout))
  },
  // nginx serves the example's TLS block with a self-signed test certificate.
  ignoreHTTPSErrors: true,
})

/** The address the platform gave for a new auth request, moved to the hosted app's `page` (same query). */
export function hostedAuthUrl(hosted: HostedApp, platformAuthUrl: string, page = 'access.html'): string {
  return new URL(page + new URL(platformAuthUrl).search, hosted.appUrl).href
}
