// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const projectDir = fileURLToPath(new URL('../../../', import.meta.url))
const viteBin = join(projectDir, 'node_modules', 'vite', 'bin', 'vite.js')

it('vite build stops on a wrong setting, naming the variable, and writes nothing', { timeout: 60_000 }, () => {
  const outDir = mkdtempSync(join(tmpdir(), 'wrong-build-'))
  try {
    const result = spawnSync('node', [viteBin, 'build', '--outDir', outDir, '--emptyOutDir'], {
      cwd: projectDir,
      encoding: 'utf8',
      env: { ...process.env, VITE_APP_ID: 'abc', VITE_TRUSTED_PLATFORMS: '*.example.com' },
    })

    expect(result.status).not.toBe(0)
    expect(result.stderr).toContain('VITE_APP_ID="abc": must be 6 to 99 letters')
    expect(result.stderr).toContain('VITE_TRUSTED_PLATFORMS entry "*.example.com": write "example.com"')
    expect(existsSync(join(outDir, 'index.html'))).toBe(false)
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
})
