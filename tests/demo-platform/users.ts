import { ApiError, htmlAnswer, jsonAnswer } from './http.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser } from './sessions.ts'
import { findUserByEmail, userNamed } from './state.ts'
import { emailPattern, usernamePattern } from './registration.ts'
import { invalidParameters } from './validation.ts'

/** GET {register}{email}/uid (and the older /username): the username behind an e-mail. */
function usernameForEmail({ platform, params }: RequestContext, field: 'uid' | 'username') {
  const user = findUserByEmail(platform.state, params.email ?? '')
  if (!user) throw new ApiError(404, 'unknown-email', `Unknown email address "${params.email ?? ''}"`)
  return jsonAnswer(200, { [field]: user.username })
}

/** POST {register}{username}/server: where the account lives; 404 when there is none. */
function userServer({ platform, params }: RequestContext) {
  const user = userNamed(platform.state, params.username ?? '')
  if (!user) throw new ApiError(404, 'unknown-user', `Unknown user "${params.username ?? ''}"`)
  const host = new URL(platform.config.origin).host
  return jsonAnswer(200, { server: host, alias: host })
}

/** GET {register}{username}/check_username: `reserved` means taken, also by a name an account had before (platform-reserved names still answer false, as observed). */
function checkUsername({ platform, params }: RequestContext) {
  const username = params.username ?? ''
  if (!usernamePattern.test(username)) {
    throw invalidParameters([
      {
        code: 'username-invalid',
        message: 'Username should have from 5 to 60 characters and contain lowercase letters, numbers or dashes',
        param: 'username',
        path: '#/username',
      },
    ])
  }
  return jsonAnswer(200, { reserved: userNamed(platform.state, username) !== undefined })
}

/** GET {register}{email}/check_email: 409 when an account already uses it. */
function checkEmail({ platform, params }: RequestContext) {
  const email = params.email ?? ''
  if (!emailPattern.test(email)) {
    throw invalidParameters([
      { code: 'email-invalid', message: 'Invalid email address', param: 'email', path: '#/email' },
    ])
  }
  if (findUserByEmail(platform.state, email)) {
    throw new ApiError(409, 'item-already-exists', `A user with email "${email}" already exists`, { email })
  }
  return jsonAnswer(200, { reserved: false })
}

/** GET /{username}/: the account's home, where the sign-in hub sends people (the name passed the username rule at creation). */
function userHome({ platform, params }: RequestContext) {
  const user = pathUser(platform, params.username ?? '')
  return htmlAnswer(
    200,
    `<!doctype html><title>Demo Pryv.io: ${user.username}</title><h1>Home of ${user.username}</h1>`,
  )
}

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/reg\/(?<email>[^/]+)\/uid$/,
    meta: 'success-only',
    handle: (context) => usernameForEmail(context, 'uid'),
  },
  {
    method: 'GET',
    pattern: /^\/reg\/(?<email>[^/]+)\/username$/,
    meta: 'success-only',
    handle: (context) => usernameForEmail(context, 'username'),
  },
  { method: 'POST', pattern: /^\/reg\/(?<username>[^/]+)\/server$/, meta: 'success-only', handle: userServer },
  { method: 'GET', pattern: /^\/reg\/(?<username>[^/]+)\/check_username$/, meta: 'always', handle: checkUsername },
  { method: 'GET', pattern: /^\/reg\/(?<email>[^/]+)\/check_email$/, meta: 'always', handle: checkEmail },
  { method: 'GET', pattern: /^\/(?<username>[^/]+)\/$/, meta: 'always', handle: userHome },
]
