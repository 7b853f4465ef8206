import { isRecord, type Answer } from './http.ts'
import { newId } from './ids.ts'
import { oauthError, oauthJson, withParams } from './oauth-answers.ts'
import { checkConsentGrant, grantRefusal, parseConsentEntries, type ConsentEntry } from './oauth-consent.ts'
import { mintOAuthAccess } from './oauth-grant.ts'
import { oauthNow, oauthRecords, verifyState, type SignedStatePayload } from './oauth-state.ts'
import type { RequestContext } from './router.ts'
import { authenticate, type Caller } from './sessions.ts'
import type { Platform } from './state.ts'

/** Lifetime of an authorization code, in seconds. */
const codeLifetime = 600

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== ''
}

/** The verified state of a decision, or the answer refusing it. */
function verifiedState(platform: Platform, state: string): SignedStatePayload | Answer {
  const check = verifyState(state, oauthNow(platform.state))
  return check.ok ? check.payload : oauthError(400, 'invalid_request', `signed state ${check.reason}`)
}

function isAnswer(value: SignedStatePayload | Answer): value is Answer {
  return 'status' in value
}

function listOf(value: unknown[], consent: boolean): ConsentEntry[] | string {
  try {
    return parseConsentEntries(value, consent)
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

/** The grant the body asks for, checked against the signed offer, or the answer refusing it. */
function checkedGrant(payload: SignedStatePayload, body: Record<string, unknown>): ConsentEntry[] | Answer {
  const offer = payload.offer
  if (!isRecord(offer))
    return oauthError(400, 'invalid_request', 'signed state carries no consent offer — restart the authorization flow')
  if (!Array.isArray(body.grantedPermissions))
    return oauthError(400, 'invalid_request', 'grantedPermissions must be an array')
  const granted = listOf(body.grantedPermissions, false)
  if (typeof granted === 'string') return oauthError(400, 'invalid_scope', `grantedPermissions invalid: ${granted}`)
  if (granted.length === 0)
    return oauthError(400, 'invalid_scope', 'grantedPermissions must keep at least one permission (refuse instead)')
  const offered = Array.isArray(offer.permissions) ? listOf(offer.permissions, true) : 'permissions must be an array'
  if (typeof offered === 'string') return oauthError(400, 'invalid_scope', `consent offer is invalid: ${offered}`)
  const check = checkConsentGrant(granted, offered, offer.allowUserChoice === true)
  return check.ok ? granted : oauthError(400, 'invalid_scope', grantRefusal(check))
}

/** Who `userToken` stands for on that user's account; an app token passes here and fails at creating the access, as on the real server. */
function tokenHolder(platform: Platform, username: string, userToken: string): Caller | undefined {
  const user = platform.state.users.get(username.toLowerCase())
  if (!user) return undefined
  try {
    return authenticate(platform, user, userToken)
  } catch {
    return undefined
  }
}

/** A one-time code the client exchanges, with its PKCE challenge, for the token of the access just made. */
function issueCode(platform: Platform, payload: SignedStatePayload, username: string, accessToken: string): string {
  const code = newId()
  oauthRecords(platform.state).codes.set(code, {
    clientId: payload.clientId,
    redirectUri: payload.redirectUri,
    codeChallenge: payload.codeChallenge,
    username,
    scope: payload.scope,
    accessToken,
    expires: oauthNow(platform.state) + codeLifetime,
  })
  return code
}

/**
 * POST /oauth2/authorize/accept: the checks in the server's order (body,
 * signature and lifetime, consent rule, then the user's token), then the
 * grant and a one-time code for the client.
 */
export function accept({ platform, body }: RequestContext): Answer {
  const given = isRecord(body) ? body : {}
  if (!nonEmptyString(given.state)) return oauthError(400, 'invalid_request', 'state is required')
  if (!nonEmptyString(given.username)) return oauthError(400, 'invalid_request', 'username is required')
  if (!nonEmptyString(given.userToken)) return oauthError(400, 'invalid_request', 'userToken is required')
  const payload = verifiedState(platform, given.state)
  if (isAnswer(payload)) return payload
  const granted = checkedGrant(payload, given)
  if (!Array.isArray(granted)) return granted
  const caller = tokenHolder(platform, given.username, given.userToken)
  if (!caller) return oauthError(401, 'invalid_request', 'username + userToken did not resolve to a valid user session')
  const offer = payload.offer ?? {}
  const offerName = typeof offer.offerName === 'string' ? offer.offerName : ''
  const offerEventId = typeof offer.offerEventId === 'string' ? offer.offerEventId : null
  let minted
  try {
    // Creating accesses takes a personal token: an app token gets the server's generic failure.
    if (caller.kind !== 'personal') throw new Error('the token is not a personal token')
    minted = mintOAuthAccess(
      platform.config,
      caller.user,
      caller.access.id,
      { clientId: payload.clientId, offerName, offerEventId },
      granted,
    )
  } catch {
    return oauthError(500, 'server_error', 'failed to create access')
  }
  const code = issueCode(platform, payload, caller.user.username, minted.access.token)
  oauthRecords(platform.state).decisions.push({
    kind: 'accept',
    clientId: payload.clientId,
    username: caller.user.username,
    offerName,
    grantedPermissions: structuredClone(granted),
    dataGrantId: minted.dataGrant.id,
    accessId: minted.access.id,
  })
  return oauthJson(200, {
    redirectTo: withParams(payload.redirectUri, [
      ['code', code],
      ['state', payload.state],
      ['iss', platform.config.origin],
    ]),
  })
}

/** POST /oauth2/authorize/refuse: no session needed; the client learns `access_denied`. */
export function refuse({ platform, body }: RequestContext): Answer {
  const state = isRecord(body) ? body.state : undefined
  if (!nonEmptyString(state)) return oauthError(400, 'invalid_request', 'state is required')
  const payload = verifiedState(platform, state)
  if (isAnswer(payload)) return payload
  const offerName = typeof payload.offer?.offerName === 'string' ? payload.offer.offerName : ''
  oauthRecords(platform.state).decisions.push({ kind: 'refuse', clientId: payload.clientId, offerName })
  return oauthJson(200, {
    redirectTo: withParams(payload.redirectUri, [
      ['error', 'access_denied'],
      ['state', payload.state],
      ['iss', platform.config.origin],
    ]),
  })
}
