// What the launchers share (`npm start`: scripts/demo.ts, `npm run dev`: scripts/dev.ts, `npm run bench`): ports and the addresses they print.
import { demoAccounts } from '../tests/demo-platform/seed.ts'
import { legacyEntryPages } from './entry-pages.ts'

/** A port from the environment (e.g. PLATFORM_PORT), else `fallback`; anything else stops the script. */
export function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${name} must be a port number (0-65535), got "${raw}".`)
    process.exit(1)
  }
  return port
}

/** The lines to print once both servers run: the app's pages, the demo client apps, the service info and the demo accounts. */
export function demoBanner(title: string, appUrl: string, platformUrl: string): string {
  return `
${title}

  The app (sign-in page):  ${appUrl}
  Its other pages:         ${legacyEntryPages
    .filter((page) => page !== 'access.html')
    .map((page) => appUrl + page)
    .join('\n                           ')}
  A third-party app:       ${platformUrl}/demo-app/   (starts an auth request in a popup)
  An OAuth 2.0 client:     ${platformUrl}/demo-oauth-client/   (code flow with PKCE through the consent page ${appUrl}oauth2-authorize)
  A CMC requester app:     ${platformUrl}/demo-cmc-client/   (publishes offers as demo-study; opens ${appUrl}cmc-accept and ${appUrl}cmc-scope-update)
  Service info:            ${platformUrl}/reg/service/info
  Control API (tests):     ${platformUrl}/_demo/state

Demo accounts (username / password / e-mail):
${demoAccounts.map((account) => `  ${account.username} / ${account.password} / ${account.email}${account.mfa ? '   (MFA: the SMS codes are listed at ' + platformUrl + '/_demo/sms; recovery codes mfa-recovery-01..10)' : ''}`).join('\n')}

Press Ctrl+C to stop.`
}

/** Closes the servers once on Ctrl+C or SIGTERM, then exits. */
export function stopOnSignal(close: () => Promise<unknown>): void {
  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    await close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}
