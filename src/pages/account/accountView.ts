import { defineAsyncComponent } from 'vue'

/** What the address below `/account/` shows: the list of accesses, one access, or nothing known. */
export type AccountView = { page: 'apps' } | { page: 'access'; id: string } | { page: 'unknown' }

/** The view a route's `section` parameter names (`[]` or `['apps']`: the list; `['apps', id]`: one access). */
export function accountViewOf(section: string | readonly string[] | undefined): AccountView {
  const parts = Array.isArray(section) ? section : section === undefined ? [] : [section]
  const [first, id, ...rest] = parts
  if (first === undefined || (first === 'apps' && id === undefined)) return { page: 'apps' }
  if (first === 'apps' && id !== undefined && rest.length === 0) return { page: 'access', id }
  return { page: 'unknown' }
}

// Fetched once the person signed in: the sign-in does not wait for them.
export const AccountAppsPage = defineAsyncComponent(() => import('./AccountAppsPage.vue'))
export const AccountAccessPage = defineAsyncComponent(() => import('./AccountAccessPage.vue'))
