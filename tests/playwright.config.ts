import { defineConfig } from '@playwright/test'
import { chromiumArgs, chromiumPath } from '../scripts/chromium'
import { appUrl, platformUrl } from './e2e/urls'

export default defineConfig({
  testDir: './e2e',
  outputDir: '../test-results',
  // One demo platform holds the state of every test: they take turns.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    baseURL: appUrl,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: chromiumArgs,
    },
  },
  webServer: {
    command: 'npx tsx scripts/demo.ts',
    cwd: '..',
    url: `${platformUrl}/reg/service/info`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
