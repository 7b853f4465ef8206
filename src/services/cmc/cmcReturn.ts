import { queryValue, type RawQuery } from '@/services/authQuery'
import { parseHttpUrl } from '@/services/safeUrl'

/** How a CMC page gives its result back: to the window that opened it, or by leading to the app's `returnUrl`. */
export type CmcMode = 'popup' | 'redirect'

export interface CmcReturn {
  mode: CmcMode
  /** The app's return address, kept only when it is an absolute http(s) URL. */
  returnUrl: string | null
}

/** The link's `mode` and `returnUrl`; without a valid `mode`, a link with a `returnUrl` redirects and one without is a popup. */
export function readCmcReturn(query: RawQuery): CmcReturn {
  const givenReturnUrl = queryValue(query, 'returnUrl')
  const mode = queryValue(query, 'mode')
  return {
    mode: mode === 'popup' || mode === 'redirect' ? mode : givenReturnUrl ? 'redirect' : 'popup',
    returnUrl: parseHttpUrl(givenReturnUrl)?.href ?? null,
  }
}
