// `npm start` / Playwright's webServer: the demo platform and the built app, side by side.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { demoAccounts } from '../tests/demo-platform/seed.ts'
import { startDemoPlatform, startStaticSite } from '../tests/demo-platform/server.ts'

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number (0-65535), got "${raw}".`)
    process.exit(1)
  }
  return port
}

const platformPort = portFromEnv('PLATFORM_PORT', 3000)
const appPort = portFromEnv('APP_PORT', 4173)
const distDir = fileURLToPath(new URL('../dist/', import.meta.url))

if (!existsSync(`${distDir}index.html`)) console.warn(`No built app in ${distDir}: run \`npm run build\` first; the pages will answer 404.`)

const site = await startStaticSite({ port: appPort, root: distDir, basePath: '/access/' })
const platform = await startDemoPlatform({ port: platformPort, authPageUrl: `${site.url}access.html` })

console.log(`
Demo Pryv.io platform and app-web-auth3 are running.

  The app (sign-in page):  ${site.url}
  A third-party app:       ${platform.url}/demo-app/   (starts an auth request in a popup)
  An OAuth 2.0 client:     ${platform.url}/demo-oauth-client/   (code flow with PKCE through the consent page ${site.url}oauth2-authorize)
  Service info:            ${platform.url}/reg/service/info
  Control API (tests):     ${platform.url}/_demo/state

Demo accounts (username / password / e-mail):
${demoAccounts.map((account) => `  ${account.username} / ${account.password} / ${account.email}${account.mfa ? '   (MFA: the SMS codes are listed at ' + platform.url + '/_demo/sms; recovery codes mfa-recovery-01..10)' : ''}`).join('\n')}

Press Ctrl+C to stop.`)

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  await Promise.all([platform.close(), site.close()])
  process.exit(0)
}

process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
