import { createHmac, timingSafeEqual } from 'node:crypto'
import type { PlatformState } from './state.ts'

/** How long a consent request lasts, in seconds, as on the real server. */
export const signedStateLifetime = 300

/**
 * The demo's stand-in for the platform's admin key: states are signed with a
 * key derived from it, so a consent page can decode them but never forge one.
 */
const demoAdminKey = 'demo-platform-admin-key'

/** What `/oauth2/authorize` signs and the consent page decodes for display. */
export interface SignedStatePayload {
  clientId: string
  redirectUri: string
  state: string
  codeChallenge: string
  codeChallengeMethod: 'S256'
  scope: string[]
  userIdHint?: string
  offer?: Record<string, unknown>
  iat: number
  exp: number
}

export type StateCheck =
  | { ok: true; payload: SignedStatePayload }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid' }

/** OAuth bookkeeping of one platform state; `/_demo/reset` starts a fresh one with the state it belongs to. */
export interface OAuthRecords {
  /** Added to the real clock, so tests can let a consent request or a code expire without waiting. */
  clockOffsetSeconds: number
  codes: Map<string, AuthorizationCode>
  /** Every accept and refuse the server answered 200, oldest first. */
  decisions: OAuthDecision[]
}

export interface AuthorizationCode {
  clientId: string
  redirectUri: string
  codeChallenge: string
  username: string
  scope: string[]
  accessToken: string
  expires: number
}

export type OAuthDecision =
  | {
      kind: 'accept'
      clientId: string
      username: string
      offerName: string
      grantedPermissions: unknown[]
      dataGrantId: string
      accessId: string
    }
  | { kind: 'refuse'; clientId: string; offerName: string }

const records = new WeakMap<PlatformState, OAuthRecords>()

export function oauthRecords(state: PlatformState): OAuthRecords {
  let found = records.get(state)
  if (!found) {
    found = { clockOffsetSeconds: 0, codes: new Map(), decisions: [] }
    records.set(state, found)
  }
  return found
}

/** The OAuth server's clock, in whole seconds as the state's `iat`/`exp`. */
export function oauthNow(state: PlatformState): number {
  return Math.floor(Date.now() / 1000) + oauthRecords(state).clockOffsetSeconds
}

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url')
}

function signingKey(): Buffer {
  return createHmac('sha256', demoAdminKey).update('demo-oauth2-signed-state').digest()
}

function macOf(body: string): string {
  return base64url(createHmac('sha256', signingKey()).update(body).digest())
}

/** `<base64url(UTF-8 JSON)>.<base64url(HMAC-SHA256)>`, stamped with `iat` and `exp`. */
export function signState(payload: Omit<SignedStatePayload, 'iat' | 'exp'>, now: number): string {
  const body = base64url(Buffer.from(JSON.stringify({ ...payload, iat: now, exp: now + signedStateLifetime }), 'utf8'))
  return `${body}.${macOf(body)}`
}

function parsePayload(body: string): SignedStatePayload | null {
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<SignedStatePayload> | null
    return payload && typeof payload.iat === 'number' && typeof payload.exp === 'number'
      ? (payload as SignedStatePayload)
      : null
  } catch {
    return null
  }
}

/** Checks the MAC (in constant time) before reading anything, then the lifetime. */
export function verifyState(token: string, now: number): StateCheck {
  const dot = token.indexOf('.')
  if (dot <= 0 || dot === token.length - 1) return { ok: false, reason: 'malformed' }
  const body = token.slice(0, dot)
  const given = Buffer.from(token.slice(dot + 1))
  const expected = Buffer.from(macOf(body))
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' }
  const payload = parsePayload(body)
  if (!payload) return { ok: false, reason: 'malformed' }
  if (now < payload.iat) return { ok: false, reason: 'not_yet_valid' }
  if (now >= payload.exp) return { ok: false, reason: 'expired' }
  return { ok: true, payload }
}
