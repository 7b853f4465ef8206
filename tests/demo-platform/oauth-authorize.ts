import type { Answer } from './http.ts'
import { findClient, isRegisteredRedirect, resolveOffer, type OAuthClient } from './oauth-clients.ts'
import { withParams } from './oauth-answers.ts'
import { oauthNow, signState } from './oauth-state.ts'
import type { RequestContext } from './router.ts'
import type { PlatformConfig } from './state.ts'

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** The page shown instead of a redirect when the client or its redirect URI cannot be trusted. */
function htmlError(message: string): Answer {
  return {
    status: 400,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "frame-ancestors 'none'",
      'x-frame-options': 'DENY',
    },
    body: `<!doctype html><html><head><title>OAuth error</title></head><body><h1>Authorization failed</h1><p>${escapeHtml(message)}</p></body></html>`,
  }
}

function redirect(location: string): Answer {
  return { status: 302, headers: { location, 'cache-control': 'no-store', pragma: 'no-cache' }, body: '' }
}

/** A parameter given once and not empty; a repeated one counts as missing. */
function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name)
  return values.length === 1 && values[0] !== '' ? values[0] : undefined
}

const offerNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/

/** The `cmc:<offer>` tokens of `scope`, or the reason it cannot be read. */
function parseScope(scope: string): { tokens: string[]; offerNames: string[] } | { error: string } {
  const tokens = scope.split(/\s+/).filter((token) => token !== '')
  const offerNames: string[] = []
  for (const token of tokens) {
    const colon = token.indexOf(':')
    if (colon < 1) return { error: `scope token missing namespace prefix: "${token}"` }
    const namespace = token.slice(0, colon)
    const name = token.slice(colon + 1)
    if (namespace !== 'cmc') return { error: `unknown scope namespace "${namespace}" in token "${token}"` }
    if (!offerNamePattern.test(name))
      return {
        error: `invalid cmc offer name "${name}" — expected 1-64 chars of [a-zA-Z0-9._-], starting alphanumeric`,
      }
    offerNames.push(name)
  }
  return { tokens, offerNames }
}

/** Checks of a request whose client and redirect URI are known good: failures go back to the client. */
function consentRedirect(
  config: PlatformConfig,
  consentPageUrl: string,
  client: OAuthClient,
  redirectUri: string,
  query: URLSearchParams,
  now: number,
): Answer {
  const state = single(query, 'state')
  const back = (error: string, description: string) =>
    redirect(
      withParams(redirectUri, [
        ['error', error],
        ['error_description', description],
        ...(state ? [['state', state] as [string, string]] : []),
        ['iss', config.origin],
      ]),
    )
  if (single(query, 'response_type') !== 'code')
    return back('unsupported_response_type', 'only response_type=code is supported')
  const codeChallenge = single(query, 'code_challenge')
  if (!codeChallenge) return back('invalid_request', 'PKCE code_challenge is required')
  if (single(query, 'code_challenge_method') !== 'S256')
    return back('invalid_request', 'PKCE code_challenge_method must be S256')
  if (!state) return back('invalid_request', 'state parameter is required (CSRF defense)')
  const scope = parseScope(single(query, 'scope') ?? '')
  if ('error' in scope) return back('invalid_scope', scope.error)
  const unregistered = scope.tokens.filter((token) => !client.scope.includes(token))
  if (unregistered.length > 0)
    return back('invalid_scope', `client is not registered for scope(s): ${unregistered.join(' ')}`)
  const [offerName] = scope.offerNames
  if (scope.tokens.length !== 1 || offerName === undefined)
    return back('invalid_scope', 'scope must be exactly one cmc:<offer-name> consent-offer reference')
  const offer = resolveOffer(config, client, offerName)
  if (!offer) return back('invalid_scope', `client has no registered offer named "${offerName}"`)
  const loginHint = single(query, 'login_hint')
  const signed = signState(
    {
      clientId: client.clientId,
      redirectUri,
      state,
      codeChallenge,
      codeChallengeMethod: 'S256',
      scope: scope.tokens,
      ...(loginHint ? { userIdHint: loginHint } : {}),
      offer: { ...offer },
    },
    now,
  )
  return redirect(
    withParams(consentPageUrl.replace(/\/$/, ''), [
      ['state', signed],
      ['pryvApi', config.origin],
    ]),
  )
}

/**
 * GET /oauth2/authorize: an unknown client or redirect URI gets an HTML 400
 * (the browser is never sent to an unchecked address); any other problem is
 * redirected back to the client; a good request goes to the consent page.
 */
export function authorize(consentPageUrl: string) {
  return ({ platform, query }: RequestContext): Answer => {
    const clientId = single(query, 'client_id')
    if (!clientId) return htmlError('Missing client_id parameter.')
    const redirectUri = single(query, 'redirect_uri')
    if (!redirectUri) return htmlError('Missing redirect_uri parameter.')
    const client = findClient(platform.config, clientId)
    if (!client) return htmlError(`Unknown client_id: ${clientId}`)
    if (!isRegisteredRedirect(client, redirectUri))
      return htmlError('redirect_uri does not match any registered URI for this client.')
    return consentRedirect(platform.config, consentPageUrl, client, redirectUri, query, oauthNow(platform.state))
  }
}
