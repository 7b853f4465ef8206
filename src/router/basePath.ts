// Routes that live below a folder of their own (the account area's sections, the CMC accept page's alias): the
// app's folder is above them. Listed by name, so a site served from a folder called "account" still works
// (a test checks every section of the navigation is listed).
const nestedRoute = /\/(?:account\/(?:apps|apps\/[^/]+|profile|security|data)?|cmc\/approve)\/?$/

/**
 * The folder the app is served from, read from the address so one build works
 * at /access/, under a sub-path (/app-web-auth3/access/) or behind a rewrite:
 * everything up to the last "/" of the current path, above any nested route.
 */
export function basePathFromLocation(pathname: string): string {
  const nested = nestedRoute.exec(pathname)
  const path = nested ? pathname.slice(0, nested.index + 1) : pathname
  return path.slice(0, path.lastIndexOf('/') + 1) || '/'
}
