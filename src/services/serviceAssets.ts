import type { Service } from 'pryv'
import type { ServiceInfo } from './accessState'
import { parseHttpUrl } from './safeUrl'
import { isTrustedUrl, type TrustPolicy } from './trust'

/** What a platform's service assets change on our pages; every value an absolute http(s) URL of a trusted platform. */
export interface Branding {
  logo?: string
  favicon?: string
  stylesheet?: string
}

// Where each asset sits in the definitions: pryv's own `favicon` and `css`, and our `logo` in the same shape.
const assetPaths: Record<keyof Branding, readonly string[]> = {
  logo: ['logo', 'default', 'url'],
  favicon: ['favicon', 'default', 'url'],
  stylesheet: ['css', 'default', 'url'],
}

function valueAt(tree: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined),
    tree,
  )
}

/**
 * An asset's address, relative to the definitions' `baseUrl` (else to the definitions file); null unless http(s) on a
 * trusted platform: a logo or stylesheet from elsewhere could dress our page as another site.
 */
function assetUrl(definitions: Record<string, unknown>, definitionsUrl: string, value: unknown, policy: TrustPolicy) {
  if (typeof value !== 'string' || value === '') return null
  const base =
    typeof definitions.baseUrl === 'string' && definitions.baseUrl !== '' ? definitions.baseUrl : definitionsUrl
  try {
    const url = parseHttpUrl(new URL(value, base).href)
    return url && isTrustedUrl(url, policy) ? url.href : null
  } catch {
    return null
  }
}

/**
 * GET {assets.definitions} (pryv `Service.assets`): the platform's logo, favicon and
 * stylesheet. Empty when the platform has none or they cannot be loaded: the pages keep their own look.
 */
export async function loadBranding(service: Service, info: ServiceInfo, policy: TrustPolicy): Promise<Branding> {
  const definitionsUrl = parseHttpUrl(info.assets?.definitions)
  if (!definitionsUrl) return {}
  let definitions: Record<string, unknown>
  try {
    definitions = ((await service.assets())?.get() ?? {}) as Record<string, unknown>
  } catch {
    return {}
  }
  const branding: Branding = {}
  for (const name of Object.keys(assetPaths) as Array<keyof Branding>) {
    const url = assetUrl(definitions, definitionsUrl.href, valueAt(definitions, assetPaths[name]), policy)
    if (url) branding[name] = url
  }
  return branding
}
