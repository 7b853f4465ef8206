import type { LocationQuery } from 'vue-router'

// Secrets meant for one page only: a reset token must never follow the user elsewhere.
const pageOnlyParams = ['resetToken']

/** The query a page passes on to the next in-app page: the auth request's parameters, minus secrets. */
export function queryToCarry(from: LocationQuery): LocationQuery {
  return Object.fromEntries(Object.entries(from).filter(([name]) => !pageOnlyParams.includes(name)))
}
