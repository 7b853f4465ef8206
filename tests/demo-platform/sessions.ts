import { isExpired, isLive } from './access-records.ts'
import { ApiError } from './http.ts'
import { newId, nowSeconds } from './ids.ts'
import type { Access, PersonalAccess, Session, User } from './model.ts'
import { storePersonalAccess } from './personal-accesses.ts'
import { userNamed, type Platform, type PlatformConfig, type PlatformState } from './state.ts'

export const sessionLifetimeMs = 30 * 60 * 1000

/** Who made an API call: a personal session (with its access) or an app (or shared) access. */
export type Caller =
  | { kind: 'personal'; user: User; session: Session; access: PersonalAccess }
  | { kind: 'app'; user: User; access: Access }

export function apiEndpoint(config: PlatformConfig, username: string, token?: string): string {
  const url = new URL(`${config.origin}/${username}/`)
  if (token) url.username = token
  return url.href
}

/** The account a `/{username}/...` path names (by its current name or one it had before). */
export function pathUser(platform: Platform, username: string): User {
  const user = userNamed(platform.state, username)
  if (!user) throw new ApiError(404, 'unknown-resource', `Unknown user "${username}"`)
  return user
}

/** Whether a session belongs to this account: it keeps the name it was opened under, which may since have become an alias. */
export function isSessionOf(state: PlatformState, session: Session, user: User): boolean {
  return userNamed(state, session.username) === user
}

function liveSession(platform: Platform, user: User, token: string): Session | undefined {
  const session = platform.state.sessions.get(token)
  return session && isSessionOf(platform.state, session, user) && session.expires > Date.now() ? session : undefined
}

/**
 * A login's personal session, as the platform opens it: a live session of the
 * same username and app id is reused (same token), otherwise a new token is
 * minted; then the app id's personal access takes that token. A session opened
 * under a name the account has since left is not reused.
 */
export function openSession(platform: Platform, user: User, appId: string): Session {
  const now = Date.now()
  let session = [...platform.state.sessions.values()].find(
    (candidate) => candidate.username === user.username && candidate.appId === appId && candidate.expires > now,
  )
  if (session) {
    session.expires = now + sessionLifetimeMs
  } else {
    session = { token: newId(), username: user.username, appId, expires: now + sessionLifetimeMs }
    platform.state.sessions.set(session.token, session)
    platform.state.issuedTokens.push({ kind: 'personal', username: user.username, token: session.token })
  }
  storePersonalAccess(user, appId, session.token)
  return session
}

/** The live (not deleted) access holding this token on the user's account, of any type. */
export function accessOfToken(user: User, token: string | undefined): Access | PersonalAccess | undefined {
  return token ? user.accesses.find((access) => access.token === token && isLive(access)) : undefined
}

/**
 * The caller behind an `Authorization` header on this user's API, in the
 * platform's order: 401 without a token, 403 for a token no access holds,
 * then a personal token needs its session (sliding it on), an app or shared
 * one must not be expired. Every call that passes marks the access used.
 */
export function authenticate(platform: Platform, user: User, authorization: string | undefined): Caller {
  if (!authorization) {
    throw new ApiError(
      401,
      'invalid-access-token',
      'The access token is missing: expected an "Authorization" header or an "auth" query string parameter.',
    )
  }
  const access = accessOfToken(user, authorization)
  if (!access) throw new ApiError(403, 'invalid-access-token', 'Cannot find access from token.')
  if (access.type === 'personal') {
    const session = liveSession(platform, user, authorization)
    if (!session) throw new ApiError(403, 'invalid-access-token', 'Access session has expired.')
    session.expires = Date.now() + sessionLifetimeMs
    access.lastUsed = nowSeconds()
    return { kind: 'personal', user, session, access }
  }
  if (isExpired(access)) throw new ApiError(403, 'forbidden', 'Access has expired.')
  access.lastUsed = nowSeconds()
  return { kind: 'app', user, access }
}

export function requirePersonal(caller: Caller): PersonalAccess {
  if (caller.kind !== 'personal')
    throw new ApiError(403, 'forbidden', 'You cannot access this resource using the given access token.')
  return caller.access
}

/** The platform's answer to a method an access of this kind may not call (`AccessLogic.can`). */
export function methodRefused(methodId: string): ApiError {
  return new ApiError(403, 'forbidden', `You cannot access ${methodId} resource using the given access`)
}
