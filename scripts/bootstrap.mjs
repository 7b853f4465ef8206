// Plain Node, no dependencies: runs on a fresh clone before `npm ci` has installed anything.
import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

/** The demo platform's address (PLATFORM_PORT, as scripts/demo.ts reads it), built into the app as its default service info. */
const demoPlatformOrigin = `http://127.0.0.1:${process.env.PLATFORM_PORT || '3000'}`

export const demoBuildEnv = {
  VITE_SERVICE_INFO_URL: `${demoPlatformOrigin}/reg/service/info`,
  // The demo CMC client page is served there: the accept page may hand it the data-grant endpoint.
  VITE_TRUSTED_APP_ORIGINS: demoPlatformOrigin,
}

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

/**
 * Installs from Debian what the browser tests need and is missing, in one apt-get call (as root or
 * through sudo): Chromium, as Playwright cannot download its own here, and nginx, as the tests serve
 * the app through nginx-example/ and run `nginx -t` on it.
 */
export function ensureTestTools() {
  const tools = [
    { path: chromiumPath, debianPackage: 'chromium' },
    { path: nginxPath, debianPackage: 'nginx' },
  ]
  const missing = tools.filter((tool) => !existsSync(tool.path)).map((tool) => tool.debianPackage)
  if (missing.length === 0) return
  const asRoot = process.getuid?.() === 0
  const sudo = asRoot ? [] : ['sudo']
  const apt = (...args) =>
    run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, { DEBIAN_FRONTEND: 'noninteractive' })
  apt('update', '-q')
  apt('install', '-y', '-q', ...missing)
}
