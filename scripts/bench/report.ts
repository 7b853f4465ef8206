import { mkdirSync, writeFileSync } from 'node:fs'
import { formatBudgetTable, formatKilobytes } from './bundleBudget.ts'
import type { BenchResults, PageResult } from './results.ts'

function cell(value: number | undefined, format: (value: number) => string): string {
  return value === undefined ? '-' : format(value)
}

const ms = (value: number) => String(Math.round(value))
const kb = (value: number) => formatKilobytes(value)
const times = (value: number) => `${value.toFixed(2)}x`
const mb = (value: number) => `${(value / 1_000_000).toFixed(2)} MB`

/** Figures right-aligned; the first column and those listed in `textColumns` left-aligned. */
function table(header: string[], rows: string[][], textColumns: number[] = []): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)))
  const align = (text: string, column: number) => (column === 0 || textColumns.includes(column) ? text.padEnd(widths[column] ?? 0) : text.padStart(widths[column] ?? 0))
  const line = (row: string[]) => `  ${row.map(align).join('  ')}`.trimEnd()
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')
}

function pageRow(page: PageResult): string[] {
  const figures = page.median
  if (page.outcome !== 'usable') return [page.name, page.outcome, '', '', '', '', '', '', '']
  return [
    page.name,
    cell(figures.appBytes, kb),
    cell(figures.platformBytes, kb),
    `${cell(figures.appRequests, String)}+${cell(figures.platformRequests, String)}`,
    cell(figures.fcpMs, ms),
    cell(figures.usableMs, ms),
    cell(page.toFloor?.bytes, times),
    cell(page.toFloor?.fcp, times),
    cell(page.toFloor?.usable, times),
  ]
}

function authToFloor(results: BenchResults): string {
  const auth = results.bundle.lines.find((line) => line.name.startsWith('auth page'))
  return auth && results.bundle.floorGzipBytes > 0 ? times(auth.gzipBytes / results.bundle.floorGzipBytes) : '-'
}

export function formatReport(results: BenchResults): string {
  const pages = table(
    ['page', 'app KB', 'platform KB', 'requests', 'FCP ms', 'usable ms', 'KB/floor', 'FCP/floor', 'usable/floor'],
    [...results.pages, results.floor].map(pageRow),
  )
  const signIn = table(
    ['sign in with', 'to consent ms', 'round trips', 'with preflights', 'platform requests'],
    results.signIn.map((flow) => [flow.login, cell(flow.medianMs, ms), String(flow.roundTrips), String(flow.roundTripsWithPreflights), flow.requests.join(', ')]),
    [4],
  )
  const { memory } = results
  return [
    `Cold loads, median of ${String(results.conditions.runs)} (${String(results.conditions.network)}, CPU ${String(results.conditions.cpu)}); KB transferred (gzip) before the form was usable, requests app+platform:`,
    pages,
    '',
    `Bundle, from dist/ (JS+CSS, gzip -9; the floor's first load: ${kb(results.bundle.floorGzipBytes)} KB, the auth page's ${authToFloor(results)}):`,
    formatBudgetTable(results.bundle.lines),
    '',
    `Sign-in to consent, median of ${String(results.conditions.runs)}, platform +${String(results.conditions.platformLatencyMs)} ms per request`,
    '(Chromium\'s emulated latency is a minimum per request, not added to the server\'s time: a request takes max(150, 100 + local) ms):',
    signIn,
    `  preflights: ${results.signIn.map((flow) => `${flow.login}: ${flow.preflights.join(', ') || 'none'}`).join('; ')}`,
    '',
    `JS heap (after GC) once signed in and accepted: ${mb(memory.afterFlowBytes)}`,
    `JS heap over rounds of in-app navigation (auth -> each other page -> auth, ${memory.navigation.method}): ${memory.navigation.heapByRound.map((sample) => `${mb(sample.bytes)} (${sample.round})`).join(' -> ')}`,
  ].join('\n')
}

/** bench-results/bench-<date>.json and bench-results/latest.json. */
export function writeResults(dir: string, results: BenchResults): string {
  mkdirSync(dir, { recursive: true })
  const json = `${JSON.stringify(results, null, 2)}\n`
  const file = `${dir}/bench-${results.date.replace(/[:.]/g, '-')}.json`
  writeFileSync(file, json)
  writeFileSync(`${dir}/latest.json`, json)
  return file
}
