import { isLive } from './access-records.ts'
import { isRecord, type Answer } from './http.ts'
import { newId } from './ids.ts'
import type { Session, User } from './model.ts'
import { oauthError, oauthJson, withParams } from './oauth-answers.ts'
import { checkConsentGrant, grantRefusal, parseConsentEntries, type ConsentEntry } from './oauth-consent.ts'
import { mintOAuthAccess } from './oauth-grant.ts'
import { oauthNow, oauthRecords, verifyState, type SignedStatePayload } from './oauth-state.ts'
import type { RequestContext } from './router.ts'
import type { Platform } from './state.ts'

/** Lifetime of an authorization code, in seconds. */
export const codeLifetime = 600

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

function listOf(value: unknown, consent: boolean): ConsentEntry[] | string {
  try {
    return parseConsentEntries(Array.isArray(value) ? value : [], consent)
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

/** The grant the body asks for, checked against the signed offer, or the answer refusing it. */
function checkedGrant(payload: SignedStatePayload, body: Record<string, unknown>): ConsentEntry[] | Answer {
  const offer = payload.offer
  if (!isRecord(offer)) return oauthError(400, 'invalid_request', 'signed state carries no consent offer — restart the authorization flow')
  if (!Array.isArray(body.grantedPermissions)) return oauthError(400, 'invalid_request', 'grantedPermissions must be an array')
  const granted = listOf(body.grantedPermissions, false)
  if (typeof granted === 'string') return oauthError(400, 'invalid_scope', `grantedPermissions invalid: ${granted}`)
  if (granted.length === 0) return oauthError(400, 'invalid_scope', 'grantedPermissions must keep at least one permission (refuse instead)')
  const offered = Array.isArray(offer.permissions) ? listOf(offer.permissions, true) : 'permissions must be an array'
  if (typeof offered === 'string') return oauthError(400, 'invalid_scope', `consent offer is invalid: ${offered}`)
  const check = checkConsentGrant(granted, offered, offer.allowUserChoice === true)
  return check.ok ? granted : oauthError(400, 'invalid_scope', grantRefusal(check))
}

/** The personal session behind `userToken`; an app token of that user is found too, as the server's lookup does. */
function userSession(platform: Platform, username: string, userToken: string): { user: User; session?: Session } | undefined {
  const user = platform.state.users.get(username.toLowerCase())
  if (!user) return undefined
  const session = platform.state.sessions.get(userToken)
  if (session && session.username === user.username && session.expires > Date.now()) return { user, session }
  const nowSeconds = Date.now() / 1000
  const appAccess = user.accesses.some((access) => access.token === userToken && isLive(access) && (access.expires === undefined || access.expires > nowSeconds))
  return appAccess ? { user } : undefined
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
  const found = userSession(platform, given.username, given.userToken)
  if (!found) return oauthError(401, 'invalid_request', 'username + userToken did not resolve to a valid user session')
  const offer = payload.offer ?? {}
  const offerName = typeof offer.offerName === 'string' ? offer.offerName : ''
  const offerEventId = typeof offer.offerEventId === 'string' ? offer.offerEventId : null
  let minted
  try {
    // Creating accesses takes a personal token: an app token gets the server's generic failure.
    if (!found.session) throw new Error('the token is not a personal token')
    minted = mintOAuthAccess(platform.config, found.user, found.session, { clientId: payload.clientId, offerName, offerEventId }, granted)
  } catch {
    return oauthError(500, 'server_error', 'failed to create access')
  }
  const records = oauthRecords(platform.state)
  const code = newId()
  records.codes.set(code, {
    clientId: payload.clientId,
    redirectUri: payload.redirectUri,
    codeChallenge: payload.codeChallenge,
    username: found.user.username,
    scope: payload.scope,
    accessToken: minted.access.token,
    expires: oauthNow(platform.state) + codeLifetime,
  })
  records.decisions.push({ kind: 'accept', clientId: payload.clientId, username: found.user.username, offerName, grantedPermissions: structuredClone(granted), dataGrantId: minted.dataGrant.id, accessId: minted.access.id })
  return oauthJson(200, { redirectTo: withParams(payload.redirectUri, [['code', code], ['state', payload.state], ['iss', platform.config.origin]]) })
}

/** POST /oauth2/authorize/refuse: no session needed; the client learns `access_denied`. */
export function refuse({ platform, body }: RequestContext): Answer {
  const state = isRecord(body) ? body.state : undefined
  if (!nonEmptyString(state)) return oauthError(400, 'invalid_request', 'state is required')
  const payload = verifiedState(platform, state)
  if (isAnswer(payload)) return payload
  const offerName = typeof payload.offer?.offerName === 'string' ? payload.offer.offerName : ''
  oauthRecords(platform.state).decisions.push({ kind: 'refuse', clientId: payload.clientId, offerName })
  return oauthJson(200, { redirectTo: withParams(payload.redirectUri, [['error', 'access_denied'], ['state', payload.state], ['iss', platform.config.origin]]) })
}
