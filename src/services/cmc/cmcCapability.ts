import { parseHttpUrl } from '@/services/safeUrl'
import { isLoopbackHost } from '@/services/trust'

/** A capability URL (`https://<token>@<requester host>/<requester>/`) the page may read the offer through. */
export interface CmcCapability {
  /** Verbatim, as the accept and refuse events must carry it back; a credential, kept in memory only. */
  url: string
  /** The requester's platform (host and port), to name on the page. */
  host: string
}

export type CapabilityReading =
  | { ok: true; capability: CmcCapability }
  /** `missing`: no usable URL with a token; `not-secure`: plain http to a host that is not this machine. */
  | { ok: false; reason: 'missing' | 'not-secure'; host: string }

/**
 * Checks a link's `capabilityUrl` before any request: an http(s) URL carrying a token, served over https
 * (or loopback, for development). CMC is cross-platform, so any such host is fine: no password goes there.
 */
export function readCapabilityUrl(value: string | undefined): CapabilityReading {
  const url = parseHttpUrl(value)
  if (!url || !value || url.username === '' || url.password !== '') return { ok: false, reason: 'missing', host: '' }
  if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname))
    return { ok: false, reason: 'not-secure', host: url.host }
  return { ok: true, capability: { url: value.trim(), host: url.host } }
}
