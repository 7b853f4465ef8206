import type { Permission } from '@/services/accessState'
import { textOf } from '@/services/json'

/** What a scope update changes on the data grant, each group in the order the platform gave it. */
export interface ScopeDiff {
  added: Permission[]
  removed: Permission[]
  kept: Permission[]
}

/** The plugin's own plumbing on a data grant (`:_cmc:` streams): the platform keeps it through any scope update. */
export function isCmcPlumbing(permission: Permission): boolean {
  return textOf(permission.streamId)?.startsWith(':_cmc:') === true
}

/**
 * An entry's identity, as the platform's consent rule compares them: `streamId` + `level`, or `feature` + `setting`;
 * names are ignored, so renaming is no change while changing a level is one.
 */
export function permissionIdentity(permission: Permission): string {
  const streamId = textOf(permission.streamId)
  if (streamId !== undefined) return JSON.stringify(['stream', streamId, permission.level ?? null])
  const feature = textOf(permission.feature)
  if (feature !== undefined) return JSON.stringify(['feature', feature, permission.setting ?? null])
  return JSON.stringify(['other', permission])
}

function uniqueByIdentity(permissions: readonly Permission[]): Permission[] {
  const seen = new Set<string>()
  return permissions.filter((permission) => {
    const identity = permissionIdentity(permission)
    if (seen.has(identity)) return false
    seen.add(identity)
    return true
  })
}

/**
 * Current grant versus proposed set. The grant's `:_cmc:` entries are neither kept nor removed by the person (the
 * platform keeps them); a proposed entry the grant lacks is shown as added whatever its stream, so nothing is applied
 * unseen.
 */
export function diffScope(current: readonly Permission[], proposed: readonly Permission[]): ScopeDiff {
  const currentIdentities = new Set(current.map(permissionIdentity))
  const proposedIdentities = new Set(proposed.map(permissionIdentity))
  const wanted = uniqueByIdentity(proposed)
  return {
    added: wanted.filter((permission) => !currentIdentities.has(permissionIdentity(permission))),
    removed: uniqueByIdentity(current).filter(
      (permission) => !isCmcPlumbing(permission) && !proposedIdentities.has(permissionIdentity(permission)),
    ),
    kept: wanted.filter(
      (permission) => !isCmcPlumbing(permission) && currentIdentities.has(permissionIdentity(permission)),
    ),
  }
}

/** Whether the proposed set is the grant as it is: answering then changes no access, it only tells the requester. */
export function changesNothing(diff: ScopeDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0
}

/** Whether the grant's permissions, `:_cmc:` entries aside on both sides, are exactly the proposed set. */
export function scopeApplied(grant: readonly Permission[], proposed: readonly Permission[]): boolean {
  const identities = (permissions: readonly Permission[]) =>
    [...new Set(permissions.filter((permission) => !isCmcPlumbing(permission)).map(permissionIdentity))].sort()
  return JSON.stringify(identities(grant)) === JSON.stringify(identities(proposed))
}
