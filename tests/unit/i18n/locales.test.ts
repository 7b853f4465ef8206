// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { errorMessageKeys } from '@/i18n/errorMessages'

const localesDir = fileURLToPath(new URL('../../../src/i18n/locales/', import.meta.url))

/** Every leaf of a locale file as `dotted.key -> value`. */
function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>()
  for (const [name, value] of Object.entries(tree as Record<string, unknown>)) {
    const key = prefix + name
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [leaf, text] of flatten(value, key + '.')) entries.set(leaf, text)
    } else {
      entries.set(key, value)
    }
  }
  return entries
}

function load(file: string): Map<string, unknown> {
  return flatten(JSON.parse(readFileSync(localesDir + file, 'utf8')))
}

const en = load('en.json')
const others = readdirSync(localesDir).filter((file) => file.endsWith('.json') && file !== 'en.json')

function blankKeys(messages: Map<string, unknown>): string[] {
  return [...messages].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key)
}

describe('locales', () => {
  it('has at least one translation besides English', () => {
    expect(others.length).toBeGreaterThan(0)
    expect(en.size).toBeGreaterThan(20)
  })

  it('has no empty message in en.json', () => {
    expect(blankKeys(en)).toEqual([])
  })

  it.each(others)('%s has exactly the keys of en.json, none empty', (file) => {
    const messages = load(file)
    expect([...en.keys()].filter((key) => !messages.has(key))).toEqual([])
    expect([...messages.keys()].filter((key) => !en.has(key))).toEqual([])
    expect(blankKeys(messages)).toEqual([])
  })

  it('has a message for every error code', () => {
    const missing = Object.values(errorMessageKeys).filter((key) => typeof en.get(key) !== 'string')
    expect(missing).toEqual([])
    expect(Object.keys(errorMessageKeys).length).toBe(22)
  })
})
