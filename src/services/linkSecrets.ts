type QueryValue = string | null | Array<string | null> | undefined

/** The parts of a router location this needs (vue-router's shape, without importing it: services never import Vue). */
export interface LinkAddress {
  path: string
  query: Record<string, QueryValue>
  hash: string
}

/** Secrets a link carried, taken out of the address before any page shows: in memory only, read once. */
const taken = new Map<string, string>()

/**
 * A route guard's answer: the same address without the `names` (kept here), replacing the history entry, so
 * the secrets are neither in the address bar nor in the history, whatever the page then shows (an untrusted
 * platform's notice included).
 */
export function keepOutOfAddress(to: LinkAddress, ...names: string[]): (LinkAddress & { replace: true }) | true {
  const present = names.filter((name) => to.query[name] !== undefined)
  if (present.length === 0) return true
  const query = { ...to.query }
  for (const name of present) {
    const value = query[name]
    const first = Array.isArray(value) ? value[0] : value
    if (typeof first === 'string' && first !== '') taken.set(name, first)
    query[name] = undefined
  }
  return { path: to.path, query, hash: to.hash, replace: true }
}

/** The secret taken from the address for `name`, once; later calls get nothing (a later visit must bring its own). */
export function takeFromAddress(name: string): string | undefined {
  const value = taken.get(name)
  taken.delete(name)
  return value
}
