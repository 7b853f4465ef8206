import { parseHttpUrl } from './safeUrl'
import { isLoopbackHost } from './trust'

/** Why a destination deserves a second look, said in words beside its host. */
export type DestinationFlag = 'loopback' | 'not-https'

/** Where a flow's result goes, named to the person before they answer. */
export type ResultDestination =
  /** No address: the result goes back to the window that opened this page. */
  { kind: 'opener' } | { kind: 'address'; host: string; flag: DestinationFlag | null }

/**
 * Describes the destination of a result from a URL or an origin. No value (or the legacy
 * `returnURL=false`) means the opener; a value that is not an absolute http(s) address is null,
 * since no page sends a result there.
 */
export function resultDestination(target: string | undefined | null): ResultDestination | null {
  if (target === undefined || target === null || target === '' || target === 'false') return { kind: 'opener' }
  const url = parseHttpUrl(target)
  if (!url) return null
  return { kind: 'address', host: url.host, flag: destinationFlag(url) }
}

function destinationFlag(url: URL): DestinationFlag | null {
  if (isLoopbackHost(url.hostname)) return 'loopback'
  return url.protocol === 'https:' ? null : 'not-https'
}
