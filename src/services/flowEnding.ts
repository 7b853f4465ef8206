import type { AccessState } from './accessState'
import { parseHttpUrl } from './safeUrl'

/** How the popup ends once the platform knows the answer (the original's closeOrRedirect). */
export type FlowEnding =
  | { kind: 'redirect'; url: string }
  | { kind: 'close' }
  | { kind: 'cli' }
  | { kind: 'unsafe-target' }
  /** The app could not be told and never will be (its request is gone): nothing was given. */
  | { kind: 'undelivered' }

export interface EndingContext {
  finalState: AccessState
  pollUrl: string
  key?: string
  returnURL?: string
  oauthState?: string
  cli: boolean
  /** Leave the token and the API endpoint out of a legacy return URL: the app reads them from the poll URL. */
  tokenFree?: boolean
}

// What a token-free return URL never carries: the app's token, alone or inside its API endpoint.
const tokenFields = new Set(['token', 'apiEndpoint'])

/** `url` with `params` added to its query, every value encoded; null unless `url` is absolute http(s). */
export function withQuery(url: string, params: ReadonlyArray<readonly [string, string]>): string | null {
  const target = parseHttpUrl(url)
  if (!target) return null
  for (const [name, value] of params) target.searchParams.append(name, value)
  return target.href
}

/** The legacy answer an app reads from its returnURL: OAuth style, or prYv<field> for each scalar field. */
export function returnParams(context: EndingContext): Array<[string, string]> {
  if (context.oauthState !== undefined) {
    return [
      ['state', context.oauthState],
      ['code', context.key ?? ''],
      ['poll', context.pollUrl],
    ]
  }
  const fields: Record<string, unknown> = { key: context.key, ...context.finalState }
  const params: Array<[string, string]> = [['prYvpoll', context.pollUrl]]
  for (const [field, value] of Object.entries(fields)) {
    if (context.tokenFree && tokenFields.has(field)) continue
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      params.push([`prYv${field}`, String(value)])
  }
  return params
}

export function planFlowEnding(context: EndingContext): FlowEnding {
  if (context.cli) return { kind: 'cli' }
  if (context.finalState.status === 'REDIRECTED') {
    const target = parseHttpUrl(context.finalState.redirectUrl)
    return target ? { kind: 'redirect', url: target.href } : { kind: 'unsafe-target' }
  }
  const returnURL = context.returnURL
  if (!returnURL || returnURL === 'false') return { kind: 'close' }
  const url = withQuery(returnURL, returnParams(context))
  return url ? { kind: 'redirect', url } : { kind: 'unsafe-target' }
}
