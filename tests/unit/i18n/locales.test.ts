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

/** Every locale of a part: the core messages (`locales/`) or the account pages' ones (`locales/account/`). */
function part(dir: string) {
  const load = (file: string) => flatten(JSON.parse(readFileSync(dir + file, 'utf8')))
  const others = readdirSync(dir).filter((file) => file.endsWith('.json') && file !== 'en.json')
  return { en: load('en.json'), others, load }
}

const parts = {
  core: part(localesDir),
  account: part(`${localesDir}account/`),
  cmcScopeUpdate: part(`${localesDir}cmcScopeUpdate/`),
}
const en = parts.core.en

function blankKeys(messages: Map<string, unknown>): string[] {
  return [...messages].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key)
}

describe.each(Object.entries(parts))('locales, %s messages', (_name, { en, others, load }) => {
  it('has the three translations besides English', () => {
    expect(others.sort()).toEqual(['de.json', 'fr.json', 'it.json'])
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
})

describe('locales', () => {
  it("keeps each section in one part: merging a part's messages overwrites nothing", () => {
    const sections = (messages: Map<string, unknown>) => [
      ...new Set([...messages.keys()].map((key) => key.split('.')[0])),
    ]
    const all = Object.values(parts).flatMap(({ en }) => sections(en))
    expect(all.filter((section, index) => all.indexOf(section) !== index)).toEqual([])
  })

  it("has a message for every error code: in the core messages, or the consent pages' own ones with the account pages' messages", () => {
    const isConsentPageKey = (key: string) => key.startsWith('oauthConsent.error.') || key.startsWith('cmc.error.')
    const consentPageKeys = Object.values(errorMessageKeys).filter(isConsentPageKey)
    const missing = Object.values(errorMessageKeys).filter(
      (key) => typeof (isConsentPageKey(key) ? parts.account.en : en).get(key) !== 'string',
    )
    expect(missing).toEqual([])
    expect(consentPageKeys).toHaveLength(3 + 28)
    expect(Object.keys(errorMessageKeys).length).toBe(25 + 28)
  })
})
