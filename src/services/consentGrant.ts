import type { Permission } from './accessState'
import { asRecord } from './json'

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

/** Whether an entry keeps its tick: every entry of an all-or-nothing offer, the mandatory ones otherwise. */
export function isLocked(choice: ConsentChoice, entry: OfferEntry): boolean {
  return !choice.allowUserChoice || entry.mandatory
}

/** The `grantedPermissions` of `/oauth2/authorize/accept`: locked and ticked entries (by index), in offered order, without `mandatory`. */
export function grantedPermissions(choice: ConsentChoice, ticked: ReadonlySet<number>): Permission[] {
  return choice.entries
    .filter((entry, index) => isLocked(choice, entry) || ticked.has(index))
    .map((entry) => ({ ...entry.permission }))
}
