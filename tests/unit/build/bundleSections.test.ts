// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { budgetLines, gzipBytes, measureBundle } from '../../../scripts/bundle-size'

// A page that fetches sections of its own (the account area): they are measured as what they add to its first load.
const fixture: Record<string, string> = {
  'index.html': '<script type="module" src="./assets/index-E1.js"></script>',
  'assets/index-E1.js':
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./AccountPage-A1.js","./shared-S1.js"])))=>i.map(i=>d[i]);' +
    'const r=()=>e(()=>import(`./AccountPage-A1.js`),__vite__mapDeps([0,1]),import.meta.url);',
  'assets/shared-S1.js': 'export const s=1;',
  'assets/AccountPage-A1.js':
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./AccountAppsPage-P1.js","./cards-C1.js","./shared-S1.js"])))=>i.map(i=>d[i]);' +
    'import{s}from"./shared-S1.js";const a=()=>e(()=>import(`./AccountAppsPage-P1.js`),__vite__mapDeps([0,1,2]),import.meta.url);export{a};',
  'assets/AccountAppsPage-P1.js': 'import{c}from"./cards-C1.js";import{s}from"./shared-S1.js";export default c+s;',
  'assets/cards-C1.js': `export const c="${'c'.repeat(300)}";`,
}

let dir = ''

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-sections-'))
  for (const [file, content] of Object.entries(fixture)) {
    mkdirSync(join(dir, dirname(file)), { recursive: true })
    writeFileSync(join(dir, file), content)
  }
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a page with sections of its own', () => {
  it('counts a section as the files it adds to its page, and names the page', () => {
    const points = measureBundle(dir).entryPoints
    expect(points.map((point) => [point.name, point.after])).toEqual([
      ['index.html', undefined],
      ['AccountPage', undefined],
      ['AccountAppsPage', 'AccountPage'],
    ])
    const section = points[2]
    expect(section?.files).toEqual(['assets/AccountAppsPage-P1.js', 'assets/cards-C1.js'])
    expect(section?.gzipBytes).toBe(
      gzipBytes(fixture['assets/AccountAppsPage-P1.js'] as string) + gzipBytes(fixture['assets/cards-C1.js'] as string),
    )
  })

  it("holds a section to the sections' budget", () => {
    const lines = budgetLines({
      entryPoints: [{ name: 'AccountAppsPage', files: [], gzipBytes: 15_001, after: 'AccountPage' }],
      totalGzipBytes: 1,
    })
    expect(lines[0]).toEqual({
      name: 'AccountAppsPage (+ after AccountPage)',
      gzipBytes: 15_001,
      budgetBytes: 15_000,
      withinBudget: false,
    })
  })
})
