/**
 * The folder the app is served from, read from the address so one build works
 * at /access/, under a sub-path (/app-web-auth3/access/) or behind a rewrite:
 * everything up to the last "/" of the current path.
 */
export function basePathFromLocation(pathname: string): string {
  return pathname.slice(0, pathname.lastIndexOf('/') + 1) || '/'
}
