/**
 * The files a build writes beside index.html, each a copy of it, so static
 * hosts without rewrites answer the addresses platforms and mails already use.
 * The post-build step and the hosting tests both read this list.
 */
export const legacyEntryPages = [
  'access.html',
  'register.html',
  'reset-password.html',
  'signinhub.html',
  'change-password.html',
  'oauth2-authorize.html',
  'account.html',
  'verify-email.html',
] as const

/** What static hosts (GitHub Pages, Netlify, S3 website...) answer for a missing file: the app, which then shows its routes or a not-found page. */
export const notFoundFallbackPage = '404.html'

export const entryPageCopies: readonly string[] = [...legacyEntryPages, notFoundFallbackPage]
