/** The query parameters an auth link may carry (authUrl built by the platform, or legacy links). */
export interface AuthQuery {
  pollUrl?: string
  key?: string
  lang?: string
  oauthState?: string
  returnURL?: string
  cli: boolean
  /** Service info URL from `pryvServiceInfoUrl` (our override) or `serviceInfo` (set by the platform). */
  serviceInfoUrl?: string
  /** The platform's API base (OAuth issuer or CMC recipient platform), without trailing slash. */
  pryvApi?: string
}

export type RawQuery = Record<string, unknown>

// Longer values are not links a platform makes; cut them so they cannot bloat requests or the page.
const maxValueLength = 4096

/** One query value as text: the first of repeated values, null when absent or empty. */
export function queryValue(query: RawQuery, name: string): string | undefined {
  const raw = query[name]
  const value = Array.isArray(raw) ? raw[0] : raw
  return typeof value === 'string' && value !== '' ? value.slice(0, maxValueLength) : undefined
}

export function readAuthQuery(query: RawQuery): AuthQuery {
  return {
    pollUrl: queryValue(query, 'poll') ?? queryValue(query, 'pollUrl'),
    key: queryValue(query, 'key'),
    lang: queryValue(query, 'lang'),
    oauthState: queryValue(query, 'oauthState'),
    returnURL: queryValue(query, 'returnURL'),
    cli: queryValue(query, 'cli') === '1',
    serviceInfoUrl: queryValue(query, 'pryvServiceInfoUrl') ?? queryValue(query, 'serviceInfo'),
    pryvApi: queryValue(query, 'pryvApi')?.replace(/\/+$/, ''),
  }
}

/** The service info URL a link names: its own, else the one beside its `pryvApi` (`{pryvApi}/reg/service/info`), else undefined. */
export function linkedServiceInfoUrl(query: AuthQuery): string | undefined {
  return query.serviceInfoUrl ?? (query.pryvApi ? `${query.pryvApi}/reg/service/info` : undefined)
}
