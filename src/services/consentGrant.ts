import type { Permission } from './accessState'
import type { OfferEntry } from './oauthState'

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
