import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { loadAccountMessages } from '@/i18n'
import AuthPage from '@/pages/AuthPage.vue'
import { usePlatformStore } from '@/stores/platform'
import { basePathFromLocation } from './basePath'
import { queryToCarry } from './keepQuery'

/** A page besides the auth popup: its component, shown once the account pages' messages are there too. */
function accountPage<T>(page: () => Promise<T>): () => Promise<T> {
  return async () => (await Promise.all([page(), loadAccountMessages()]))[0]
}

const routes: RouteRecordRaw[] = [
  { path: '/', redirect: (to) => ({ name: 'auth', query: to.query }) },
  { path: '/index.html', redirect: (to) => ({ name: 'auth', query: to.query }) },
  // access.html is the address platforms put in their authUrl.
  { path: '/auth', name: 'auth', alias: ['/access.html'], component: AuthPage },
  {
    path: '/register',
    name: 'register',
    alias: ['/register.html'],
    component: accountPage(() => import('@/pages/RegisterPage.vue')),
  },
  // Password pages and the sign-in hub, under their legacy names too (platforms mail reset-password.html links).
  {
    path: '/reset-password',
    name: 'reset-password',
    alias: ['/reset-password.html', '/reset'],
    component: accountPage(() => import('@/pages/ResetPasswordPage.vue')),
  },
  {
    path: '/change-password',
    name: 'change-password',
    alias: ['/change-password.html'],
    component: accountPage(() => import('@/pages/ChangePasswordPage.vue')),
  },
  {
    path: '/signinhub',
    name: 'signinhub',
    alias: ['/signinhub.html', '/signin'],
    component: accountPage(() => import('@/pages/SignInHubPage.vue')),
  },
  // OAuth 2.0 consent (a 2.0 platform's `oauth.consentUrl`), reached with `?state=...&pryvApi=...`.
  {
    path: '/oauth2-authorize',
    name: 'oauth2-authorize',
    alias: ['/oauth2-authorize.html'],
    component: accountPage(() => import('@/pages/OAuthConsentPage.vue')),
  },
  // Verify-email (a platform's `auth.emailVerificationPageURL`), reached with `?verifyToken=...` (and `username` when
  // the operator's mail adds it): both leave the address and the history before anything shows.
  {
    path: '/verify-email',
    name: 'verify-email',
    alias: ['/verify-email.html'],
    beforeEnter: (to) =>
      import('@/services/linkSecrets').then((secrets) => secrets.keepOutOfAddress(to, 'verifyToken', 'username')),
    component: () =>
      import('@/pages/VerifyEmailPage.vue').then(async (page) => (await page.loadVerifyEmailMessages(), page)),
  },
  // CMC accept page (a requester app's invitation link), reached with `?capabilityUrl=...&scopeStreamId=...&pryvApi=...`.
  {
    path: '/cmc-accept',
    name: 'cmc-accept',
    alias: ['/cmc/approve'],
    // The capability URL is a credential: out of the address and the history before anything shows.
    beforeEnter: (to) =>
      import('@/services/linkSecrets').then((secrets) => secrets.keepOutOfAddress(to, 'capabilityUrl')),
    component: () => import('@/pages/CmcAcceptPage.vue').then(async (page) => (await page.loadCmcMessages(), page)),
  },
  // CMC scope update: the requester's `consent/scope-request-cmc`, answered with `?scopeRequestEventId=...&pryvApi=...`.
  {
    path: '/cmc-scope-update',
    name: 'cmc-scope-update',
    component: () =>
      import('@/pages/CmcScopeUpdatePage.vue').then(async (page) => (await page.loadCmcScopeUpdateMessages(), page)),
  },
  // The account area, where a person sees and withdraws every access to their data (the sign-in hub links to it).
  // Its sections (`apps`, `apps/<access id>`) are chosen and fetched by its page, so this table stays small.
  {
    path: '/account/:section*',
    name: 'account',
    alias: ['/account.html/:section*'],
    component: () =>
      import('@/pages/AccountPage.vue').then(async (page) => (await page.loadAccountAreaMessages(), page)),
  },
  { path: '/:unknown(.*)*', name: 'not-found', component: accountPage(() => import('@/pages/NotFoundPage.vue')) },
]

export const router = createRouter({
  history: createWebHistory(basePathFromLocation(window.location.pathname)),
  routes,
})

// In-app links keep the auth request's parameters (lang, poll, returnURL...), as the original did.
router.beforeEach((to, from) => {
  if (from.matched.length === 0 || Object.keys(to.query).length > 0 || to.path === from.path) return true
  const query = queryToCarry(from.query)
  // With nothing to carry the navigation goes on as asked: redirecting to the same empty query would loop.
  return Object.keys(query).length === 0 ? true : { ...to, query }
})

// The platform the link names is connected here, once per navigation, before the page shows: a page's
// flow uses it as it is, and an untrusted one is refused before any form appears. Its service info is read
// now too, so the page shows in the platform's look from the start; the auth popup's comes with its poll state.
router.beforeResolve((to) => {
  const platform = usePlatformStore()
  platform.connect(to.query).catch(() => undefined)
  if (to.name !== 'auth') platform.info().catch(() => undefined)
})
