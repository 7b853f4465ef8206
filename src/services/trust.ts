import { parseApiTemplate, parseHttpUrl } from './safeUrl'

/**
 * The trusted-platform rule: our page only talks to its own site, loopback, or
 * the build-time allowlist, so a crafted link can never make it send a
 * password or token to a foreign host.
 */
export interface TrustPolicy {
  /** Hostname of the page itself (location.hostname). */
  pageHost: string
  /** Allowlist entries: a host (`pryv.me` also covers `*.pryv.me`) or an origin (`https://reg.pryv.me`). */
  allowlist: readonly string[]
}

// Parents shared by unrelated tenants: a page on one of them must not trust its neighbours.
const sharedParents = new Set([
  'github.io',
  'gitlab.io',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'herokuapp.com',
  'web.app',
  'firebaseapp.com',
  'azurewebsites.net',
  'cloudfront.net',
  'onrender.com',
])

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '')
  return bare === 'localhost' || bare.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(bare) || bare === '::1'
}

/** The page's own site: its parent domain (sw.pryv.me -> pryv.me), or the host alone when the parent is shared. */
export function ownSite(pageHost: string): string {
  const labels = pageHost.split('.')
  if (labels.length < 3 || /^\d+$/.test(labels[labels.length - 1] ?? '')) return pageHost
  const parent = labels.slice(1).join('.')
  const looksLikeCountrySuffix = labels.length === 3 && (labels[1] ?? '').length <= 3 && (labels[2] ?? '').length === 2
  return sharedParents.has(parent) || looksLikeCountrySuffix ? pageHost : parent
}

function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith('.' + domain)
}

function entryMatches(url: URL, entry: string): boolean {
  const asOrigin = parseHttpUrl(entry)
  if (asOrigin) return asOrigin.origin === url.origin
  return hostMatches(url.hostname, entry.toLowerCase())
}

/** Whether a parsed http(s) URL belongs to a trusted platform. */
export function isTrustedUrl(url: URL, policy: TrustPolicy): boolean {
  if (isLoopbackHost(url.hostname)) return true
  if (hostMatches(url.hostname, ownSite(policy.pageHost.toLowerCase()))) return true
  return policy.allowlist.some((entry) => entryMatches(url, entry))
}

export interface TrustCheck {
  /** Which URL of the link or platform this is, for the explanation. */
  role: 'poll' | 'service-info' | 'api' | 'register' | 'access'
  url: string | undefined | null
}

export interface UntrustedTarget {
  /** `return`: the app's return address is not a web address (any http(s) host is fine there). */
  role: TrustCheck['role'] | 'return'
  /** The host to name in the explanation, or the raw value when it is not an http(s) URL. */
  host: string
}

/** The first URL that is not an http(s) URL of a trusted platform, or null when all are trusted. */
export function findUntrusted(checks: readonly TrustCheck[], policy: TrustPolicy): UntrustedTarget | null {
  for (const check of checks) {
    const url = check.role === 'api' ? parseApiTemplate(check.url) : parseHttpUrl(check.url)
    if (!url) return { role: check.role, host: String(check.url ?? '').slice(0, 200) }
    if (!isTrustedUrl(url, policy)) return { role: check.role, host: url.host }
  }
  return null
}

/** The link's return address when it is neither absent, `false` (no redirect) nor an http(s) URL. */
export function findUnsafeReturn(returnURL: string | undefined): UntrustedTarget | null {
  if (!returnURL || returnURL === 'false' || parseHttpUrl(returnURL)) return null
  return { role: 'return', host: returnURL.slice(0, 200) }
}
