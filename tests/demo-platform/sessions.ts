import { ApiError } from './http.ts'
import { newId } from './ids.ts'
import type { Access, Session, User } from './model.ts'
import type { Platform, PlatformConfig } from './state.ts'

export const sessionLifetimeMs = 30 * 60 * 1000

/** Who made an API call: a personal session or an app (or shared) access. */
export type Caller = { kind: 'personal'; user: User; session: Session } | { kind: 'app'; user: User; access: Access }

export function apiEndpoint(config: PlatformConfig, username: string, token?: string): string {
  const url = new URL(`${config.origin}/${username}/`)
  if (token) url.username = token
  return url.href
}

/** The account a `/{username}/...` path names. */
export function pathUser(platform: Platform, username: string): User {
  const user = platform.state.users.get(username)
  if (!user) throw new ApiError(404, 'unknown-resource', `Unknown user "${username}"`)
  return user
}

/** A login's personal session; like the platform, a live session of the same user and app id is reused. */
export function openSession(platform: Platform, user: User, appId: string): Session {
  const now = Date.now()
  for (const session of platform.state.sessions.values()) {
    if (session.username === user.username && session.appId === appId && session.expires > now) {
      session.expires = now + sessionLifetimeMs
      return session
    }
  }
  const accessId = user.personalAccessIds[appId] ?? newId()
  user.personalAccessIds[appId] = accessId
  const session: Session = {
    token: newId(),
    username: user.username,
    appId,
    accessId,
    expires: now + sessionLifetimeMs,
  }
  platform.state.sessions.set(session.token, session)
  platform.state.issuedTokens.push({ kind: 'personal', username: user.username, token: session.token })
  return session
}

function liveAccess(user: User, token: string): Access | undefined {
  const nowS = Date.now() / 1000
  return user.accesses.find(
    (access) =>
      access.token === token && access.deleted === undefined && (access.expires === undefined || access.expires > nowS),
  )
}

/** The caller behind an `Authorization` header on this user's API: 401 without a token, 403 with an unknown one. */
export function authenticate(platform: Platform, user: User, authorization: string | undefined): Caller {
  if (!authorization) {
    throw new ApiError(
      401,
      'invalid-access-token',
      'The access token is missing: expected an "Authorization" header or an "auth" query string parameter.',
    )
  }
  const session = platform.state.sessions.get(authorization)
  if (session && session.username === user.username && session.expires > Date.now()) {
    session.expires = Date.now() + sessionLifetimeMs
    return { kind: 'personal', user, session }
  }
  const access = liveAccess(user, authorization)
  if (access) return { kind: 'app', user, access }
  throw new ApiError(403, 'invalid-access-token', 'Cannot find access from token.')
}

export function requirePersonal(caller: Caller): Session {
  if (caller.kind !== 'personal')
    throw new ApiError(403, 'forbidden', 'You cannot access this resource using the given access token.')
  return caller.session
}
