import { defineAsyncComponent } from 'vue'

/** What the address below `/account/` shows: the list of accesses, one access, security, the profile, the person's data, or nothing known. */
export type AccountView =
  | { page: 'apps' }
  | { page: 'access'; id: string }
  | { page: 'security' }
  | { page: 'profile' }
  | { page: 'data' }
  | { page: 'unknown' }

/** The view a route's `section` parameter names (`[]` or `['apps']`: the list; `['apps', id]`: one access). */
export function accountViewOf(section: string | readonly string[] | undefined): AccountView {
  const parts = Array.isArray(section) ? section : section === undefined ? [] : [section]
  const [first, id, ...rest] = parts
  if (first === undefined || (first === 'apps' && id === undefined)) return { page: 'apps' }
  if (first === 'apps' && id !== undefined && rest.length === 0) return { page: 'access', id }
  if ((first === 'security' || first === 'profile' || first === 'data') && id === undefined) return { page: first }
  return { page: 'unknown' }
}

const loadAppsPage = () => import('./AccountAppsPage.vue')
const loadAccessPage = () => import('./AccountAccessPage.vue')
const loadProfilePage = () =>
  import('./AccountProfilePage.vue').then(async (page) => (await page.loadAccountProfileMessages(), page))
const loadDataPage = () =>
  import('./AccountDataPage.vue').then(async (page) => (await page.loadAccountDataMessages(), page))
const loadSecurityPage = () =>
  import('./AccountSecurityPage.vue').then(async (page) => (await page.loadAccountSecurityMessages(), page))

// Shown once the person signed in: fetched while the sign-in form shows, so neither waits for the other.
export const AccountAppsPage = defineAsyncComponent(loadAppsPage)
export const AccountAccessPage = defineAsyncComponent(loadAccessPage)
export const AccountSecurityPage = defineAsyncComponent(loadSecurityPage)
export const AccountProfilePage = defineAsyncComponent(loadProfilePage)
export const AccountDataPage = defineAsyncComponent(loadDataPage)

export function preloadAccountSections(): void {
  void Promise.all([loadAppsPage(), loadAccessPage(), loadSecurityPage(), loadProfilePage(), loadDataPage()]).catch(
    () => undefined,
  )
}
