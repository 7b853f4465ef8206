import type { Permission } from '@/services/accessState'

/**
 * Feature permissions (`{ feature, setting }`, e.g. selfRevoke forbidden) beside
 * the stream ones. The platform's accesses.checkApp reads every entry as a stream
 * permission and refuses a feature one, while accesses.create stores them: the
 * check gets the stream entries only, and the features are compared and
 * forwarded here.
 */
export function isFeaturePermission(permission: Permission): boolean {
  return typeof permission.feature === 'string' && permission.streamId === undefined
}

function featureKeys(permissions: Permission[]): Set<string> {
  return new Set(
    permissions
      .filter(isFeaturePermission)
      .map((permission) => JSON.stringify([permission.feature, permission.setting])),
  )
}

/** True when both lists hold the same feature permissions (same feature and setting), in any order. */
export function sameFeatures(granted: Permission[], requested: Permission[]): boolean {
  const grantedKeys = featureKeys(granted)
  const requestedKeys = featureKeys(requested)
  return grantedKeys.size === requestedKeys.size && [...grantedKeys].every((key) => requestedKeys.has(key))
}

/** The requested list with its stream entries replaced, in order, by the checked ones; feature entries stay where the app put them. */
export function withRequestedFeatures(requested: Permission[], checkedStreams: Permission[]): Permission[] {
  let next = 0
  return requested.map((permission) =>
    isFeaturePermission(permission) ? permission : (checkedStreams[next++] ?? permission),
  )
}
