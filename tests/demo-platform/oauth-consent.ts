import { isRecord } from './http.ts'

/** A permission entry of a consent offer or grant: stream or feature, with the consent-only `mandatory` flag. */
export type ConsentEntry =
  | { streamId: string; level: string; defaultName?: string; name?: string; mandatory?: true }
  | { feature: string; setting: string; mandatory?: true }

// The server's order, which its error texts list.
const streamLevels = ['none', 'read', 'create-only', 'contribute', 'manage']
const featureSettings = ['forbidden', 'allowed']

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

function parseEntry(item: unknown, index: number, consent: boolean): ConsentEntry {
  const entry = isRecord(item) ? item : {}
  let parsed: ConsentEntry | undefined
  if (nonEmptyString(entry.streamId) && typeof entry.level === 'string' && streamLevels.includes(entry.level)) {
    // An exclusion mask turns "dropping an entry narrows access" upside down, so offers may not carry one.
    if (consent && entry.level === 'none') {
      throw new Error(
        `invalid consent permission at index ${index}: level 'none' (an exclusion mask) is not allowed in a consent offer — offers must grant positive access only`,
      )
    }
    parsed = { streamId: entry.streamId, level: entry.level }
    if (typeof entry.defaultName === 'string') parsed.defaultName = entry.defaultName
    if (typeof entry.name === 'string') parsed.name = entry.name
  } else if (
    nonEmptyString(entry.feature) &&
    typeof entry.setting === 'string' &&
    featureSettings.includes(entry.setting)
  ) {
    parsed = { feature: entry.feature, setting: entry.setting }
  }
  if (!parsed) {
    throw new Error(
      `invalid permission at index ${index}: expected {streamId, level in [${streamLevels.join(', ')}]} or {feature, setting in [${featureSettings.join(', ')}]}`,
    )
  }
  if (consent && entry.mandatory === true) parsed.mandatory = true
  return parsed
}

/** Validates a permission list; `consent` keeps `mandatory` (an offer), otherwise it is dropped (a grant). Throws on the first bad entry. */
export function parseConsentEntries(list: unknown[], consent: boolean): ConsentEntry[] {
  return list.map((item, index) => parseEntry(item, index, consent))
}

/** What makes two entries the same: names and flags do not count, a changed level does. */
export function entryKey(entry: ConsentEntry): string {
  return 'streamId' in entry ? `stream|${entry.streamId}|${entry.level}` : `feature|${entry.feature}|${entry.setting}`
}

/** An entry as an access stores it: without `mandatory`. */
export function withoutConsentFlags(entry: ConsentEntry): ConsentEntry {
  const copy = { ...entry }
  delete copy.mandatory
  return copy
}

export type GrantCheck =
  | { ok: true }
  | { ok: false; reason: 'not-subset' | 'choice-not-allowed' | 'mandatory-refused'; offending: ConsentEntry[] }

/**
 * The platform's consent rule: every granted entry was offered as is; without
 * `allowUserChoice` all of the offer is granted; with it, mandatory entries stay.
 */
export function checkConsentGrant(
  granted: ConsentEntry[],
  offered: ConsentEntry[],
  allowUserChoice: boolean,
): GrantCheck {
  const offeredKeys = new Set(offered.map(entryKey))
  const notOffered = granted.filter((entry) => !offeredKeys.has(entryKey(entry)))
  if (notOffered.length > 0) return { ok: false, reason: 'not-subset', offending: notOffered }
  const grantedKeys = new Set(granted.map(entryKey))
  const missing = offered.filter(
    (entry) => !grantedKeys.has(entryKey(entry)) && (!allowUserChoice || entry.mandatory === true),
  )
  if (missing.length === 0) return { ok: true }
  return {
    ok: false,
    reason: allowUserChoice ? 'mandatory-refused' : 'choice-not-allowed',
    offending: missing.map(withoutConsentFlags),
  }
}

// Long lists are cut so a caller cannot make the error answer as big as it likes.
const maxListed = 20

function listed(entries: ConsentEntry[]): string {
  const text = JSON.stringify(entries.slice(0, maxListed))
  return entries.length > maxListed ? `${text} (+${entries.length - maxListed} more)` : text
}

/** The server's `error_description` for a refused grant. */
export function grantRefusal(check: Extract<GrantCheck, { ok: false }>): string {
  if (check.reason === 'choice-not-allowed')
    return `this consent is all-or-nothing (the offer does not allow user choice); missing: ${listed(check.offending)}`
  if (check.reason === 'mandatory-refused')
    return `mandatory permissions cannot be unticked; missing: ${listed(check.offending)}`
  return `grantedPermissions must be a subset of the offered permissions; offending: ${listed(check.offending)}`
}
