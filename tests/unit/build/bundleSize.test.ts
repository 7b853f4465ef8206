// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dynamicImportDeps, gzipBytes, htmlFirstLoad, measureBundle, staticImports } from '../../../scripts/bundle-size'

// A build shaped like Vite/rolldown output: the entry imports a shared vendor chunk and loads pages lazily.
const fixture: Record<string, string> = {
  'index.html': `<!doctype html><html><head>
    <link rel="icon" href="./favicon.svg">
    <script type="module" crossorigin src="./assets/index-E1.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/vendor-V1.js">
    <link rel="stylesheet" crossorigin href="./assets/index-C1.css">
    <script src="https://cdn.example/analytics.js"></script>
  </head><body><div id="app"></div></body></html>`,
  'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  // A legacy entry point: a copy of index.html that the router turns into the right page.
  'access.html': '',
  'assets/index-E1.js': [
    'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["./RegisterPage-R1.js","./vendor-V1.js","./form-F1.js","./RegisterPage-R2.css"])))=>i.map(i=>d[i]);',
    'import{a as e,b as t}from"./vendor-V1.js";import"./polyfill-P1.js";',
    'const r=[{path:`/register.html`,component:()=>e(()=>import(`./RegisterPage-R1.js`),__vite__mapDeps([0,1,2,3]),import.meta.url)}];',
    'const l=()=>e(()=>import(`./en-L1.js`).then(n=>n.default),[],import.meta.url);',
    'const p=()=>e(()=>import(`./account-en-A1.js`).then(n=>n.default),[],import.meta.url);',
    'async function md(){return(await import(`./markdown-M1.js`)).render}t(r,l,p,md);',
  ].join(''),
  'assets/vendor-V1.js': 'var a=1,b=2;export{a,b};',
  'assets/polyfill-P1.js': 'window.p=1;',
  'assets/index-C1.css': 'body{margin:0}',
  'assets/RegisterPage-R1.js':
    'import{a as e}from"./vendor-V1.js";import{f}from"./form-F1.js";export default{render:()=>e+f};',
  'assets/RegisterPage-R2.css': '.register{color:red}',
  'assets/form-F1.js': 'import*as v from"./vendor-V1.js";export const f=v.a;',
  'assets/en-L1.js': 'export default{hello:"Hello"};',
  'assets/account-en-A1.js': 'export default{register:"Create an account"};',
  'assets/markdown-M1.js': 'import{big}from"./sanitizer-S1.js";export const render=big;',
  'assets/sanitizer-S1.js': `export const big="${'x'.repeat(5000)}";`,
}

fixture['access.html'] = fixture['index.html'] as string

let dir = ''

function sizeOf(...files: string[]): number {
  return files.reduce((total, file) => total + gzipBytes(fixture[file] as string), 0)
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bundle-size-'))
  for (const [file, content] of Object.entries(fixture)) {
    mkdirSync(join(dir, dirname(file)), { recursive: true })
    writeFileSync(join(dir, file), content)
  }
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('reading chunks', () => {
  it('takes the local scripts, modulepreloads and stylesheets of the HTML, not icons nor other sites', () => {
    expect(htmlFirstLoad(fixture['index.html'] as string)).toEqual([
      './assets/index-E1.js',
      './assets/vendor-V1.js',
      './assets/index-C1.css',
    ])
  })

  it('finds static imports and re-exports, never dynamic imports', () => {
    const code =
      'import{a as b}from"./x.js";import"./y.js";import z,{w}from"./z.js";export{q}from"./q.js";const l=()=>import("./lazy.js");import.meta.url'
    expect(staticImports(code)).toEqual(['./x.js', './y.js', './z.js', './q.js'])
  })

  it('pairs each dynamic import with the files Vite preloads beside it', () => {
    const deps = dynamicImportDeps(fixture['assets/index-E1.js'] as string)
    expect(deps.get('./RegisterPage-R1.js')).toEqual([
      './RegisterPage-R1.js',
      './vendor-V1.js',
      './form-F1.js',
      './RegisterPage-R2.css',
    ])
    expect(deps.has('./en-L1.js')).toBe(false)
  })
})

describe('measureBundle', () => {
  it('counts the entry, its static imports and its CSS for the first load', () => {
    const entry = measureBundle(dir).entryPoints.find((point) => point.name === 'index.html')
    expect(entry?.files).toEqual([
      'assets/index-C1.css',
      'assets/index-E1.js',
      'assets/polyfill-P1.js',
      'assets/vendor-V1.js',
    ])
    expect(entry?.gzipBytes).toBe(
      sizeOf('assets/index-C1.css', 'assets/index-E1.js', 'assets/polyfill-P1.js', 'assets/vendor-V1.js'),
    )
  })

  it('adds a lazy page with its static imports and CSS, but not other lazy chunks', () => {
    const page = measureBundle(dir).entryPoints.find((point) => point.name === 'RegisterPage')
    expect(page?.files).toEqual([
      'assets/RegisterPage-R1.js',
      'assets/RegisterPage-R2.css',
      'assets/form-F1.js',
      'assets/index-C1.css',
      'assets/index-E1.js',
      'assets/polyfill-P1.js',
      'assets/vendor-V1.js',
    ])
  })

  it('lists only page chunks as entry points, and a copy of an HTML entry once', () => {
    expect(measureBundle(dir).entryPoints.map((point) => point.name)).toEqual(['index.html', 'RegisterPage'])
  })

  it('counts a lazy chunk every first load waits for, such as the active locale', () => {
    const entry = measureBundle(dir, { loadedFirst: [/^en-/] }).entryPoints[0]
    expect(entry?.files).toContain('assets/en-L1.js')
    expect(entry?.files).not.toContain('assets/markdown-M1.js')
  })

  it("counts a lazy chunk every page waits for, such as their messages, in each page's first load only", () => {
    const [entry, page] = measureBundle(dir, { loadedWithPages: [/^account-en-/] }).entryPoints
    expect(entry?.files).not.toContain('assets/account-en-A1.js')
    expect(page?.name).toBe('RegisterPage')
    expect(page?.files).toContain('assets/account-en-A1.js')
  })

  it('totals every file of the build, each gzipped', () => {
    expect(measureBundle(dir).totalGzipBytes).toBe(sizeOf(...Object.keys(fixture)))
  })
})
