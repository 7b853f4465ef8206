// `npm run bench`: builds the app and the floor page, serves both with the demo platform, and measures them
// in Chromium throttled like a slow phone (issue 6). Prints a table; writes bench-results/latest.json.
import type { Browser } from '@playwright/test'
import { demoPlatform } from '../../tests/e2e/demoPlatform.ts'
import { platformUrl as testsPlatformUrl } from '../../tests/e2e/urls.ts'
import { launchBrowser } from './browser.ts'
import { budgetLines, measureBuild } from './bundleBudget.ts'
import { measureBundle } from './bundleSize.ts'
import { appDistDir, buildApp, buildFloor, floorDistDir, resultsDir } from './builds.ts'
import { measureMemory } from './memory.ts'
import { measureLoad, type LoadSample, type Origins } from './pageLoad.ts'
import { formatReport, writeResults } from './report.ts'
import { pageResult, signInResult, withFloorRatios, type BenchResults } from './results.ts'
import { startBenchServers, type BenchServers } from './servers.ts'
import { authPage, benchPorts, demoLogin, otherPages, platformLatencyMs, runs, slowPhone } from './settings.ts'
import { measureSignIn, type SignInSample } from './signInFlow.ts'

interface Target {
  name: string
  /** What the report shows as the page's address. */
  address: string
  /** A fresh URL per run: the auth page needs a new auth request each time. */
  url: () => Promise<string>
  origins: Origins
  samples: LoadSample[]
}

function targets(servers: BenchServers): { pages: Target[]; floor: Target } {
  const app: Origins = { app: new URL(servers.appUrl).origin, platform: servers.platformUrl }
  const auth: Target = {
    name: authPage.name,
    address: `${servers.appUrl}${authPage.path} (a new auth request's authUrl)`,
    url: async () => (await demoPlatform.createAuthRequest({ requestingAppId: 'bench-app' })).authUrl,
    origins: app,
    samples: [],
  }
  const others = otherPages.map((page): Target => ({ name: page.name, address: servers.appUrl + page.path, url: async () => servers.appUrl + page.path, origins: app, samples: [] }))
  const floor: Target = { name: 'floor', address: servers.floorUrl, url: async () => servers.floorUrl, origins: { app: new URL(servers.floorUrl).origin, platform: servers.platformUrl }, samples: [] }
  return { pages: [auth, ...others], floor }
}

/** Runs take turns (page after page, `runs` times) so a slow moment of the machine hits every page alike. */
async function measurePages(browser: Browser, all: Target[]): Promise<void> {
  for (let run = 1; run <= runs; run += 1) {
    for (const target of all) {
      if (target.samples.some((sample) => sample.outcome === 'not-built')) continue
      const sample = await measureLoad(browser, await target.url(), target.origins)
      target.samples.push(sample)
      console.log(`  run ${run}/${runs} ${target.name}: ${sample.outcome === 'usable' ? `usable at ${Math.round(sample.usableMs)} ms` : sample.outcome === 'failed' ? `failed (${sample.error})` : 'not built'}`)
    }
  }
}

async function measureSignIns(browser: Browser, origins: Origins): Promise<Record<'username' | 'e-mail', SignInSample[]>> {
  const samples: Record<'username' | 'e-mail', SignInSample[]> = { username: [], 'e-mail': [] }
  for (let run = 1; run <= runs; run += 1) {
    samples.username.push(await measureSignIn(browser, demoLogin.username, demoLogin.password, origins))
    samples['e-mail'].push(await measureSignIn(browser, demoLogin.email, demoLogin.password, origins))
    console.log(`  sign-in run ${run}/${runs}: ${Math.round(samples.username.at(-1)?.ms ?? 0)} ms (username), ${Math.round(samples['e-mail'].at(-1)?.ms ?? 0)} ms (e-mail)`)
  }
  return samples
}

const ports = benchPorts()
const platformUrl = `http://127.0.0.1:${ports.platform}`
if (platformUrl !== testsPlatformUrl) throw new Error(`The demo platform helpers expect ${testsPlatformUrl}, the bench serves ${platformUrl}.`)

console.log('Building the app and the floor page...')
await buildApp(platformUrl)
await buildFloor()
const servers = await startBenchServers(ports, { app: appDistDir, floor: floorDistDir })
const browser = await launchBrowser()
try {
  await demoPlatform.reset()
  const { pages, floor } = targets(servers)
  console.log('Cold loads...')
  await measurePages(browser, [...pages, floor])
  console.log('Sign-in to consent...')
  const signIns = await measureSignIns(browser, pages[0]?.origins ?? floor.origins)
  console.log('Memory...')
  const memory = await measureMemory(browser)
  const floorResult = pageResult(floor.name, floor.address, floor.samples)
  const results: BenchResults = {
    date: new Date().toISOString(),
    conditions: {
      runs,
      network: `${slowPhone.latencyMs} ms, ${slowPhone.downloadBitsPerSecond / 1e6} Mbps down, ${slowPhone.uploadBitsPerSecond / 1e3} kbps up`,
      cpu: `${slowPhone.cpuSlowdown}x slower`,
      platformLatencyMs,
      transfer: 'gzip level 9 by the static server; platform answers uncompressed',
    },
    bundle: { lines: budgetLines(measureBuild(appDistDir)), floorGzipBytes: measureBundle(floorDistDir).entryPoints[0]?.gzipBytes ?? 0 },
    pages: pages.map((target) => withFloorRatios(pageResult(target.name, target.address, target.samples), floorResult)),
    floor: floorResult,
    signIn: [signInResult('username', signIns.username), signInResult('e-mail', signIns['e-mail'])],
    memory,
  }
  console.log(`\n${formatReport(results)}`)
  console.log(`\nWritten to ${writeResults(resultsDir, results)} and ${resultsDir}/latest.json`)
} finally {
  await browser.close()
  await servers.close()
}
