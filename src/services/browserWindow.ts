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
