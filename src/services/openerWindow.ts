import { parseHttpUrl } from './safeUrl'

// The CMC pages' hand-off to the window that opened them: apart from browserWindow.ts, so the auth
// popup's first load does not carry it.

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
