import type { Page } from '@playwright/test'
import { acceptPageLink, publishOffer, type OfferOptions } from './cmcPlatform'
import { platformUrl } from './urls'

/** The demo CMC client page: an app origin on the test build's allowlist (VITE_TRUSTED_APP_ORIGINS). */
export const cmcClientUrl = `${platformUrl}/demo-cmc-client/`

type LinkOptions = Omit<Parameters<typeof acceptPageLink>[0], 'capabilityUrl'>

/** Publishes an offer and opens our accept page for it by redirect, back to the demo client page. */
export async function openAcceptByRedirect(page: Page, offer: OfferOptions = {}, link: LinkOptions = {}) {
  const published = await publishOffer(offer)
  await page.goto(
    acceptPageLink({ capabilityUrl: published.capabilityUrl, mode: 'redirect', returnUrl: cmcClientUrl, ...link }),
  )
  return published
}

/** Starts waiting for the redirect back to the client page; resolves with the `cmcAcceptResult` it carried. */
export function redirectedResult(page: Page): Promise<Record<string, unknown>> {
  let result: Record<string, unknown> = {}
  return page
    .waitForURL((url) => {
      const raw = url.origin + url.pathname === cmcClientUrl ? url.searchParams.get('cmcAcceptResult') : null
      if (raw !== null) result = JSON.parse(raw) as Record<string, unknown>
      return raw !== null
    })
    .then(() => result)
}
