// `npm start` / Playwright's webServer: the demo platform and the built app, side by side.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startDemoPlatform, startStaticSite } from '../tests/demo-platform/server.ts'
import { demoBanner, portFromEnv, stopOnSignal } from './demo-launch.ts'

const platformPort = portFromEnv('PLATFORM_PORT', 3000)
const appPort = portFromEnv('APP_PORT', 4173)
const distDir = fileURLToPath(new URL('../dist/', import.meta.url))

if (!existsSync(`${distDir}index.html`))
  console.warn(`No built app in ${distDir}: run \`npm run build\` first; the pages will answer 404.`)

const site = await startStaticSite({ port: appPort, root: distDir, basePath: '/access/' })
const platform = await startDemoPlatform({ port: platformPort, authPageUrl: `${site.url}access.html` })

console.log(demoBanner('Demo Pryv.io platform and app-web-auth3 are running.', site.url, platform.url))
stopOnSignal(() => Promise.all([platform.close(), site.close()]))
