import type { LocationQuery, RouteLocationNamedRaw } from 'vue-router'

// The parameters that make a link an auth request (`poll`, legacy `pollUrl`, or only the `key`).
const authRequestParams = ['poll', 'pollUrl', 'key']

/** Where "Sign in" leads from an account page: back to the auth request the link carries, else the sign-in hub. */
export function signInRoute(query: LocationQuery): RouteLocationNamedRaw {
  const inAuthRequest = authRequestParams.some((name) => typeof query[name] === 'string' && query[name] !== '')
  return { name: inAuthRequest ? 'auth' : 'signinhub' }
}
