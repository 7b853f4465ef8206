import type { IncomingHttpHeaders } from 'node:http'
import { ApiError } from './http.ts'
import type { PlatformConfig } from './state.ts'

/** App ids the demo platform trusts: our pages' own, and any id made for demos and tests. */
function isTrustedAppId(appId: string): boolean {
  return appId === 'pryv-app-web-auth-3' || appId.startsWith('demo-') || appId.startsWith('test-')
}

function originOf(url: string): string | undefined {
  try {
    const origin = new URL(url).origin
    return origin === 'null' ? undefined : origin
  } catch {
    return undefined
  }
}

/** The caller's web origin: the `Origin` header, else the origin of the `Referer`. */
export function callerOrigin(headers: IncomingHttpHeaders): string | undefined {
  if (typeof headers.origin === 'string') return originOf(headers.origin)
  return typeof headers.referer === 'string' ? originOf(headers.referer) : undefined
}

function isLoopback(origin: string): boolean {
  const { hostname } = new URL(origin)
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

function isTrustedApp(config: PlatformConfig, appId: string, origin: string | undefined): boolean {
  if (!isTrustedAppId(appId) || origin === undefined) return false
  return isLoopback(origin) || config.trustedAppOrigins.includes(origin)
}

/**
 * The platform's check of `appId` and origin, made before the password is even
 * looked at. Password-reset calls without any origin (a Node client) only have
 * their app id checked: the real platform answers them.
 */
export function assertTrustedApp(
  config: PlatformConfig,
  appId: string,
  origin: string | undefined,
  originRequired = true,
): void {
  const trusted = origin === undefined && !originRequired ? isTrustedAppId(appId) : isTrustedApp(config, appId, origin)
  // The platform's message names the parameter, not its value.
  if (!trusted) throw new ApiError(401, 'invalid-credentials', 'The app id ("appId") is either missing or not trusted.')
}
