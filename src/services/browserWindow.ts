import { parseHttpUrl } from './safeUrl'

/** Leaves the page for an absolute http(s) URL; refuses anything else. */
export function navigateTo(url: string): boolean {
  const target = parseHttpUrl(url)
  if (!target) return false
  window.location.assign(target.href)
  return true
}

/** Closes the popup; browsers ignore this for windows a script did not open, so the caller shows a fallback. */
export function closeWindow(): void {
  window.close()
}

/** Password pages must not run inside a frame (clickjacking). */
export function isFramed(): boolean {
  try {
    return window.top !== window.self
  } catch {
    return true
  }
}

/** The origin of the page that opened or linked to this one (`document.referrer`), or null when the browser gave none. */
export function referrerOrigin(): string | null {
  return parseHttpUrl(document.referrer)?.origin ?? null
}

/** Posts a message to the window that opened this popup, only if it is still at `targetOrigin`; false without an opener. */
export function postToOpener(message: unknown, targetOrigin: string): boolean {
  const opener = window.opener as Window | null
  if (!opener || opener.closed) return false
  opener.postMessage(message, targetOrigin)
  return true
}

/** Closes the popup and says whether the browser did (it keeps windows a script did not open). */
export function closeWindowIfAllowed(): boolean {
  window.close()
  return window.closed
}
