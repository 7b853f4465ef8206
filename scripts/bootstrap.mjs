// Plain Node, no dependencies: runs on a fresh clone before `npm ci` has installed anything.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The demo platform's address (PLATFORM_PORT, as scripts/demo.ts reads it), built into the app as its default service info. */
export const demoBuildEnv = { VITE_SERVICE_INFO_URL: `http://127.0.0.1:${process.env.PLATFORM_PORT || '3000'}/reg/service/info` }

export function run(command, args, env = {}) {
  console.log(`\n> ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) {
    console.error(`\n✖ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`)
    process.exit(result.status || 1)
  }
}

/** Installs the npm packages when they are missing or older than the lock file. */
export function ensureDependencies() {
  const marker = 'node_modules/.package-lock.json'
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs) return
  run('npm', ['ci', '--no-audit', '--no-fund'])
}

/** Installs Debian's Chromium for the browser tests: Playwright cannot download its own here. */
export function ensureChromium() {
  if (existsSync(chromiumPath)) return
  const asRoot = process.getuid?.() === 0
  const sudo = asRoot ? [] : ['sudo']
  const apt = (...args) => run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, { DEBIAN_FRONTEND: 'noninteractive' })
  apt('update', '-q')
  apt('install', '-y', '-q', 'chromium')
}
