import type { Permission } from './accessState'
import { asRecord } from './json'
import { describePermission } from './permissionView'

/** One offered entry: the permission as signed, without its consent-only `mandatory` flag, kept beside it. */
export interface OfferEntry {
  permission: Permission
  mandatory: boolean
}

/** One offered permission with its consent-only `mandatory` flag set aside (OAuth and CMC offers alike). */
export function readOfferEntry(item: unknown): OfferEntry | undefined {
  const record = asRecord(item)
  if (!record) return undefined
  const { mandatory, ...permission } = record
  return { permission, mandatory: mandatory === true }
}

/** The parts of a consent offer that decide what may be unticked. */
export interface ConsentChoice {
  entries: readonly OfferEntry[]
  allowUserChoice: boolean
}

/**
 * Whether an entry sets how the app's access behaves (`{feature, setting}`, e.g. it cannot revoke itself) rather than
 * naming data: a statement about the app, not something the person shares or unticks.
 */
export function isAppSetting(entry: OfferEntry): boolean {
  return describePermission(entry.permission).kind === 'feature'
}

/**
 * Whether an entry keeps its tick: every entry of an all-or-nothing offer, the mandatory ones otherwise, and the app
 * settings always (granted as offered: leaving one out would only loosen what the offer asks of the app).
 */
export function isLocked(choice: ConsentChoice, entry: OfferEntry): boolean {
  return !choice.allowUserChoice || entry.mandatory || isAppSetting(entry)
}

/** Whether accepting shares data: a data entry kept (the app's settings alone share nothing, so Refuse says it). */
export function sharesData(choice: ConsentChoice, ticked: ReadonlySet<number>): boolean {
  return choice.entries.some((entry, index) => !isAppSetting(entry) && (isLocked(choice, entry) || ticked.has(index)))
}

/** The `grantedPermissions` of `/oauth2/authorize/accept`: locked and ticked entries (by index), in offered order, without `mandatory`. */
export function grantedPermissions(choice: ConsentChoice, ticked: ReadonlySet<number>): Permission[] {
  return choice.entries
    .filter((entry, index) => isLocked(choice, entry) || ticked.has(index))
    .map((entry) => ({ ...entry.permission }))
}
