import type { RouteLocationNamedRaw } from 'vue-router'

/** The account area's sections, in the navigation's order: each later part of the area adds its own here. */
export const accountSections = [
  { path: 'apps', label: 'accountArea.nav.apps' },
  { path: 'profile', label: 'accountArea.nav.profile' },
  { path: 'security', label: 'accountArea.nav.security' },
  { path: 'data', label: 'accountArea.nav.data' },
] as const

/** Where a section (`apps`) or one access (`apps`, its id) lives in the account area. */
export function accountLink(...section: string[]): RouteLocationNamedRaw {
  return { name: 'account', params: { section } }
}
