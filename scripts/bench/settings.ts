/** What the benchmark measures and under which conditions (issue 6). */

/** A slow phone on a poor network, as the issue sets it. */
export const slowPhone = {
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
  cpuSlowdown: 4,
}

/** Added by the demo platform to every platform request while measuring the sign-in. */
export const platformLatencyMs = 100

/** Cold loads (or sign-ins) per figure; the median is reported. */
export const runs = 5

/** In-app navigations (auth page -> another page -> auth page) for the heap growth check. */
export const navigationRounds = 20

/** How long a page may take to show a form or the not-found page before the run gives up on it. */
export const pageTimeoutMs = 30_000

export interface BenchPage {
  name: string
  /** Path under the app's base (`/access/`); the auth page gets a fresh auth request's `authUrl` instead. */
  path: string
}

/** The auth page, then every other entry point; pages not built yet show the not-found page and are reported as such. */
export const authPage: BenchPage = { name: 'auth', path: 'access.html' }
export const otherPages: BenchPage[] = [
  { name: 'register', path: 'register.html' },
  { name: 'reset-password', path: 'reset-password.html' },
  { name: 'change-password', path: 'change-password.html' },
  { name: 'signinhub', path: 'signinhub.html' },
]

export const demoLogin = { username: 'demo-user', email: 'demo-user@example.com', password: 'demo-password-1' }

/** Chromium's switches, as tests/playwright.config.ts starts it. */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function portFromEnv(name: string, fallback: number): number {
  const port = Number(process.env[name] || fallback)
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`${name} must be a port number, got "${process.env[name]}".`)
  return port
}

/** PLATFORM_PORT / APP_PORT as `npm start` and the tests read them; the floor page gets FLOOR_PORT (default APP_PORT + 100). */
export function benchPorts() {
  const app = portFromEnv('APP_PORT', 4173)
  return { platform: portFromEnv('PLATFORM_PORT', 3000), app, floor: portFromEnv('FLOOR_PORT', app + 100) }
}
