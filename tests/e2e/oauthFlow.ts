import type { Page } from '@playwright/test'
import { appUrl, platformUrl } from './urls'

export interface OAuthView {
  now: number
  codes: Array<{ clientId: string; username: string; scope: string[]; expires: number }>
  decisions: Array<{
    kind: 'accept' | 'refuse'
    clientId: string
    username?: string
    offerName: string
    grantedPermissions?: unknown[]
  }>
}

/** What the demo OAuth server recorded: pending codes and every accept or refuse it answered 200. */
export async function oauthRecords(): Promise<OAuthView> {
  return (await (await fetch(`${platformUrl}/_demo/oauth`)).json()) as OAuthView
}

/** Moves the demo OAuth server's clock forward. */
export async function advanceOAuthClock(seconds: number): Promise<void> {
  await fetch(`${platformUrl}/_demo/oauth/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceSeconds: seconds }),
  })
}

export const consentPagePath = '/access/oauth2-authorize'

/** Starts the code flow from the demo OAuth client, as a person would, and waits for our consent page. */
export async function startOAuthFlow(
  page: Page,
  offer: 'demo-health-study cmc:share' | 'demo-health-study cmc:aon' | 'demo-etude-zurich cmc:intl',
  loginHint = '',
): Promise<void> {
  await page.goto(`${platformUrl}/demo-oauth-client/`)
  await page.getByLabel('Consent offer').selectOption(offer)
  if (loginHint) await page.getByLabel('Username hint (optional)').fill(loginHint)
  await page.getByRole('button', { name: 'Start the OAuth flow' }).click()
  await page.waitForURL(`${appUrl}${consentPagePath}**`)
}

/** The signed state the platform would send for an offer, without the page: for links a test then alters. */
export async function consentLink(
  offer = 'cmc:share',
  clientId = 'demo-health-study',
): Promise<{ state: string; pryvApi: string }> {
  const query = new URLSearchParams({
    client_id: clientId,
    redirect_uri: `${platformUrl}/demo-oauth-client/callback`,
    response_type: 'code',
    state: 'csrf-1',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
    scope: offer,
  })
  const response = await fetch(`${platformUrl}/oauth2/authorize?${query.toString()}`, { redirect: 'manual' })
  const location = new URL(response.headers.get('location') ?? '')
  return { state: location.searchParams.get('state') ?? '', pryvApi: location.searchParams.get('pryvApi') ?? '' }
}

/** The consent page's address for a link's parameters. */
export function consentPageUrl(params: Record<string, string>): string {
  return `${appUrl}${consentPagePath}?${new URLSearchParams(params).toString()}`
}
