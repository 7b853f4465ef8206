import { createHash } from 'node:crypto'
import { isRecord, type Answer } from './http.ts'
import { newId } from './ids.ts'
import { oauthError, oauthJson } from './oauth-answers.ts'
import { accessTokenLifetime } from './oauth-grant.ts'
import { oauthNow, oauthRecords } from './oauth-state.ts'
import type { RequestContext } from './router.ts'
import { apiEndpoint } from './sessions.ts'

function field(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name]
  return typeof value === 'string' && value !== '' ? value : undefined
}

function tokenAnswer(answer: Answer): Answer {
  // Any web client may exchange its code, whatever its origin.
  return { ...answer, headers: { ...answer.headers, 'access-control-allow-origin': '*' } }
}

function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url')
}

/**
 * `authorization_code`: the code is spent before anything else is checked,
 * so a wrong verifier or client burns it, as on the real server.
 */
function exchangeCode({ platform }: RequestContext, body: Record<string, unknown>): Answer {
  const code = field(body, 'code')
  if (!code) return oauthError(400, 'invalid_request', 'code is required')
  const verifier = field(body, 'code_verifier')
  if (!verifier) return oauthError(400, 'invalid_request', 'code_verifier is required (PKCE mandatory)')
  const clientId = field(body, 'client_id')
  if (!clientId) return oauthError(400, 'invalid_request', 'client_id is required')
  const redirectUri = field(body, 'redirect_uri')
  if (!redirectUri) return oauthError(400, 'invalid_request', 'redirect_uri is required')
  const codes = oauthRecords(platform.state).codes
  const row = codes.get(code)
  codes.delete(code)
  if (!row || row.expires <= oauthNow(platform.state))
    return oauthError(400, 'invalid_grant', 'code is invalid or already used')
  if (pkceChallenge(verifier) !== row.codeChallenge) return oauthError(400, 'invalid_grant', 'PKCE verification failed')
  if (clientId !== row.clientId) return oauthError(400, 'invalid_grant', 'client_id mismatch')
  if (redirectUri !== row.redirectUri) return oauthError(400, 'invalid_grant', 'redirect_uri mismatch')
  return oauthJson(200, {
    access_token: row.accessToken,
    token_type: 'Bearer',
    expires_in: accessTokenLifetime,
    refresh_token: newId(),
    scope: row.scope.join(' '),
    apiEndpoint: apiEndpoint(platform.config, row.username, row.accessToken),
  })
}

/** POST /oauth2/token: only the authorization code grant is emulated. */
export function token(context: RequestContext): Answer {
  const body = isRecord(context.body) ? context.body : {}
  const grantType = field(body, 'grant_type')
  if (!grantType) return tokenAnswer(oauthError(400, 'invalid_request', 'grant_type is required'))
  if (grantType !== 'authorization_code')
    return tokenAnswer(oauthError(400, 'unsupported_grant_type', `grant_type "${grantType}" is not supported`))
  return tokenAnswer(exchangeCode(context, body))
}
