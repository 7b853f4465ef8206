/** Parses an absolute http(s) URL; anything else (javascript:, data:, relative, protocol-relative) is null. */
export function parseHttpUrl(value: string | undefined | null): URL | null {
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value.trim())) return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null
  } catch {
    return null
  }
}

/** API URLs of DNS platforms hold `{username}` in the host: give it a sample name so it parses. */
export function parseApiTemplate(apiUrl: string | undefined | null): URL | null {
  return parseHttpUrl(apiUrl?.replace('{username}', 'username'))
}
