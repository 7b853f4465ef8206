/** The byte budgets of issue 6, applied to the first-load sizes of a production build. */
import { measureBundle, type BundleSizes } from './bundleSize.ts'

/** Kilobytes as Vite's build report counts them (1 KB = 1000 bytes). */
export const kilobyte = 1000

export const budgets = { authPage: 70 * kilobyte, otherEntryPoint: 80 * kilobyte, wholeBuild: 300 * kilobyte }

export interface BudgetLine {
  name: string
  gzipBytes: number
  budgetBytes: number
  withinBudget: boolean
}

/** The entry point the auth page is: its lazy chunk when it has one, else the HTML entry it is bundled in. */
function authEntryName(sizes: BundleSizes): string {
  return sizes.entryPoints.some((point) => point.name === 'AuthPage') ? 'AuthPage' : 'index.html'
}

function line(name: string, gzipBytes: number, budgetBytes: number): BudgetLine {
  return { name, gzipBytes, budgetBytes, withinBudget: gzipBytes <= budgetBytes }
}

/** One line per entry point (the auth page named as such) and one for the whole build. */
export function budgetLines(sizes: BundleSizes): BudgetLine[] {
  const auth = authEntryName(sizes)
  return [
    ...sizes.entryPoints.map((point) => point.name === auth
      ? line(`auth page (${point.name})`, point.gzipBytes, budgets.authPage)
      : line(point.name, point.gzipBytes, budgets.otherEntryPoint)),
    line('whole build', sizes.totalGzipBytes, budgets.wholeBuild),
  ]
}

/**
 * The default locale is loaded before the app mounts, so it counts in every first load even as its own chunk;
 * the account pages' messages in that language count in the first load of every lazily loaded page.
 */
export function measureBuild(dir: string): BundleSizes {
  const language = process.env.VITE_DEFAULT_LANGUAGE || 'en'
  return measureBundle(dir, {
    loadedFirst: [new RegExp(`^${language}-[\\w-]+\\.js$`)],
    loadedWithPages: [new RegExp(`^account-${language}-[\\w-]+\\.js$`)],
  })
}

export function formatKilobytes(bytes: number): string {
  return (bytes / kilobyte).toFixed(1)
}

/** One line per entry point: its first load (JS+CSS, gzip -9) against its budget. */
export function formatBudgetTable(lines: BudgetLine[]): string {
  const title = 'first load of'
  const width = Math.max(title.length, ...lines.map((item) => item.name.length))
  const rows = lines.map((item) => `  ${item.name.padEnd(width)}  ${formatKilobytes(item.gzipBytes).padStart(6)} KB  ${formatKilobytes(item.budgetBytes).padStart(6)} KB  ${item.withinBudget ? 'ok' : 'OVER BUDGET'}`)
  return [`  ${title.padEnd(width)}  ${'gzip'.padStart(9)}  ${'budget'.padStart(9)}`, ...rows].join('\n')
}
