import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startStaticSite } from '../../demo-platform/server.ts'
import { serviceInfoUrl } from '../urls'
import type { HostedApp } from './hostedApp'

const repositoryDir = fileURLToPath(new URL('../../../', import.meta.url))

/**
 * The app built again with extra build settings (`VITE_*`) into a temporary folder, and served
 * there like the SPA-rewrite layout: for the settings the main build leaves at their defaults.
 */
export async function startVariantBuild(settings: Record<string, string>): Promise<HostedApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'auth3-variant-'))
  const built = spawnSync('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: repositoryDir,
    env: { ...process.env, VITE_SERVICE_INFO_URL: serviceInfoUrl, ...settings },
    encoding: 'utf8',
  })
  if (built.status !== 0) throw new Error(`variant build failed:\n${built.stderr}`)
  const site = await startStaticSite({ port: 0, root: outDir, basePath: '/access/', missingFile: 'spa-rewrite' })
  return {
    appUrl: site.url,
    missingFileStatus: 200,
    close: async () => {
      await site.close()
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}
