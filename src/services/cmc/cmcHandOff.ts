import { navigateTo } from '@/services/browserWindow'
import { closeWindowIfAllowed, postToOpener, referrerOrigin } from '@/services/openerWindow'
import { withQuery } from '@/services/flowEnding'
import { parseHttpUrl } from '@/services/safeUrl'
import type { CmcReturn } from './cmcReturn'
import { config } from '@/config'

export type CmcResultType = 'cmc-accept-result' | 'cmc-scope-update-result'
export type CmcResultQuery = 'cmcAcceptResult' | 'cmcScopeUpdateResult'
export type CmcResult = { ok: boolean } & Record<string, unknown>

/**
 * `closed`: posted to the opener and the popup closed; `left-open`: posted, but the browser kept the window;
 * `navigated`: on the way to the app's returnUrl; `undelivered`: no opener and no return address to reach.
 */
export type CmcHandOffOutcome = 'closed' | 'navigated' | 'left-open' | 'undelivered'

export type CmcDelivery =
  | { kind: 'post'; targetOrigin: string; message: CmcResult & { type: CmcResultType } }
  | { kind: 'navigate'; url: string }
  | { kind: 'none' }

/** The result without its secret fields unless `origin` is on the allowlist of apps trusted with them. */
export function resultFor(
  origin: string,
  result: CmcResult,
  secretKeys: readonly string[],
  trustedOrigins: readonly string[],
): CmcResult {
  if (trustedOrigins.includes(origin)) return { ...result }
  return Object.fromEntries(Object.entries(result).filter(([key]) => !secretKeys.includes(key))) as CmcResult
}

/**
 * Where and what to deliver: a popup posts to its opener's origin (the referrer's, else returnUrl's), never to
 * `'*'`; a redirect adds `<queryName>=<JSON>` to returnUrl. Secrets go only to an allowlisted destination origin.
 */
export function planCmcDelivery(
  resultType: CmcResultType,
  queryName: CmcResultQuery,
  result: CmcResult,
  target: CmcReturn,
  secretKeys: readonly string[],
  where: { referrerOrigin: string | null; trustedOrigins: readonly string[] },
): CmcDelivery {
  const returnOrigin = parseHttpUrl(target.returnUrl)?.origin ?? null
  if (target.mode === 'popup') {
    const targetOrigin = where.referrerOrigin ?? returnOrigin
    if (!targetOrigin) return { kind: 'none' }
    const message = { type: resultType, ...resultFor(targetOrigin, result, secretKeys, where.trustedOrigins) }
    return { kind: 'post', targetOrigin, message }
  }
  if (!target.returnUrl || !returnOrigin) return { kind: 'none' }
  const shared = resultFor(returnOrigin, result, secretKeys, where.trustedOrigins)
  const url = withQuery(target.returnUrl, [[queryName, JSON.stringify(shared)]])
  return url ? { kind: 'navigate', url } : { kind: 'none' }
}

/** Gives a CMC page's result back to the app (postMessage to the opener, or navigation to returnUrl). */
export function handOffCmcResult(
  resultType: CmcResultType,
  queryName: CmcResultQuery,
  result: CmcResult,
  target: CmcReturn,
  secretKeys: readonly string[],
): CmcHandOffOutcome {
  const delivery = planCmcDelivery(resultType, queryName, result, target, secretKeys, {
    referrerOrigin: referrerOrigin(),
    trustedOrigins: config.trustedAppOrigins,
  })
  if (delivery.kind === 'navigate') return navigateTo(delivery.url) ? 'navigated' : 'undelivered'
  if (delivery.kind === 'none' || !postToOpener(delivery.message, delivery.targetOrigin)) return 'undelivered'
  return closeWindowIfAllowed() ? 'closed' : 'left-open'
}
