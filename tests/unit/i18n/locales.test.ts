// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { errorMessageKey, errorMessageKeys } from '@/i18n/errorMessages'
import type { AppErrorCode, CmcErrorCode } from '@/services/appError'

// Every CMC code once (a missing one fails the type check): their messages follow a rule, not a list.
const everyCmcCode: Record<CmcErrorCode, true> = {
  'cmc-capability-invalid': true,
  'cmc-capability-timeout': true,
  'cmc-capability-empty': true,
  'cmc-offer-read-failed': true,
  'cmc-capability-consumed': true,
  'cmc-capability-invalidated': true,
  'cmc-already-accepted': true,
  'cmc-delivery-rejected': true,
  'cmc-delivery-failed': true,
  'cmc-granted-not-subset': true,
  'cmc-choice-not-allowed': true,
  'cmc-mandatory-refused': true,
  'cmc-insufficient-permissions': true,
  'cmc-access-name-taken': true,
  'cmc-offer-invalid-permissions': true,
  'cmc-offer-invalid-access-type': true,
  'cmc-scope-apply-failed': true,
  'cmc-grant-not-found': true,
  'cmc-no-remote-endpoint': true,
  'cmc-not-collector-stream': true,
  'cmc-scope-request-not-found': true,
  'cmc-scope-request-expired': true,
  'cmc-scope-request-answered': true,
  'cmc-scope-update-not-applied': true,
  'cmc-trigger-timeout': true,
  'cmc-trigger-failed': true,
  'cmc-capability-untrusted': true,
  'cmc-stream-exists': true,
}

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

/** Every locale of a part: the core messages (`locales/`), the account pages' ones (`locales/account/`), the auth popup's consent step (`locales/consent/`), the MFA step (`locales/mfa/`), the CMC pages' (`locales/cmc/`, `locales/cmcScopeUpdate/`), the account area's (`locales/accountArea/`, its sections' `locales/accountSecurity/` and `locales/accountProfile/`) or the verify-email page's (`locales/verifyEmail/`). */
function part(dir: string) {
  const load = (file: string) => flatten(JSON.parse(readFileSync(dir + file, 'utf8')))
  const others = readdirSync(dir).filter((file) => file.endsWith('.json') && file !== 'en.json')
  return { en: load('en.json'), others, load }
}

const parts = {
  core: part(localesDir),
  account: part(`${localesDir}account/`),
  consent: part(`${localesDir}consent/`),
  mfa: part(`${localesDir}mfa/`),
  cmc: part(`${localesDir}cmc/`),
  cmcScopeUpdate: part(`${localesDir}cmcScopeUpdate/`),
  accountArea: part(`${localesDir}accountArea/`),
  verifyEmail: part(`${localesDir}verifyEmail/`),
  accountSecurity: part(`${localesDir}accountSecurity/`),
  accountProfile: part(`${localesDir}accountProfile/`),
  accountDeletion: part(`${localesDir}accountDeletion/`),
}

function blankKeys(messages: Map<string, unknown>): string[] {
  return [...messages].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([key]) => key)
}

describe.each(Object.entries(parts))('locales, %s messages', (_name, { en, others, load }) => {
  it('has the three translations besides English', () => {
    expect(others.sort()).toEqual(['de.json', 'fr.json', 'it.json'])
    expect(en.size).toBeGreaterThan(5)
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
  it('keeps each message in one part: merging a part into the core ones (a deep merge) overwrites nothing', () => {
    const all = Object.values(parts).flatMap((messages) => [...messages.en.keys()])
    expect(all.filter((key, index) => all.indexOf(key) !== index)).toEqual([])
  })

  it('has a message for every error code: in the core messages, or the own parts of the pages that meet it', () => {
    const codes = [...Object.keys(errorMessageKeys), ...Object.keys(everyCmcCode)] as AppErrorCode[]
    const keys = codes.map(errorMessageKey)
    const partOf = (key: string) => {
      if (key.startsWith('cmc.error.')) return parts.cmc
      if (key.startsWith('accountArea.deletion.')) return parts.accountDeletion
      return /^(oauthConsent|register|resetPassword)\.error\./.test(key) ? parts.account : parts.core
    }
    expect(keys.filter((key) => typeof partOf(key).en.get(key) !== 'string')).toEqual([])
    expect(keys.filter((key) => partOf(key) !== parts.core)).toHaveLength(3 + 3 + 1 + 28)
    expect(codes).toHaveLength(27 + 28)
  })
})
