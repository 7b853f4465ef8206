import { availableHostingKeys, currentHostings, type HostingsTree } from './hostings.ts'
import { ApiError, jsonAnswer } from './http.ts'
import type { RequestContext, Route } from './router.ts'
import { apiEndpoint, openSession } from './sessions.ts'
import { findUserByEmail, userNamed, type Platform } from './state.ts'
import { invalidParameters, type ParamError } from './validation.ts'

export const usernamePattern = /^[a-z0-9][a-z0-9-]{3,58}[a-z0-9]$/
export const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Names the platform keeps for itself (and the demo's own pages): refused at creation and as a new username. */
export const reservedUsernames = ['admin', 'pryv', 'register', 'access', 'www', 'demo-app', 'demo-assets']

interface NewUser {
  appId: string
  username: string
  password: string
  email: string
  hosting: string
  language: string
  referer?: string
}

type FieldRule = [field: string, valid: (value: unknown) => boolean, code: string, message?: string]

const isText = (value: unknown): value is string => typeof value === 'string'
const optionalText = (max: number) => (value: unknown) => value === undefined || (isText(value) && value.length <= max)

function fieldRules(hostings: HostingsTree): FieldRule[] {
  const hostingKeys = availableHostingKeys(hostings)
  return [
    ['appId', (value) => isText(value) && value.length >= 6 && value.length <= 99, 'appid-invalid'],
    [
      'username',
      (value) => isText(value) && usernamePattern.test(value),
      'username-invalid',
      'Username should have from 5 to 60 characters and contain lowercase letters, numbers or dashes',
    ],
    [
      'password',
      (value) => isText(value) && value.length >= 6 && value.length <= 100,
      'password-invalid',
      'Password should have from 6 to 100 characters',
    ],
    [
      'email',
      (value) => isText(value) && value.length <= 300 && emailPattern.test(value),
      'email-invalid',
      'Invalid email address',
    ],
    [
      'hosting',
      (value) => isText(value) && hostingKeys.includes(value),
      'hosting-invalid',
      `Unknown or unavailable hosting; this platform offers ${hostingKeys.map((key) => `"${key}"`).join(', ')}`,
    ],
    ['language', optionalText(5), 'language-invalid', 'Language should be a code of at most 5 characters'],
    ['invitationToken', optionalText(300), 'invitationToken-invalid'],
    ['referer', optionalText(99), 'referer-invalid'],
  ]
}

const missingCodes: Record<string, string> = {
  username: 'username-required',
  password: 'password-required',
  email: 'email-required',
}

function parseNewUser(body: unknown, hostings: HostingsTree): NewUser {
  const given: Record<string, unknown> =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body } : {}
  // Older clients name the language `languageCode`; pryv's createUser sends `language`.
  given.language ??= given.languageCode
  const errors: ParamError[] = []
  for (const [field, valid, code, message] of fieldRules(hostings)) {
    if (valid(given[field])) continue
    const reportedCode = given[field] === undefined ? (missingCodes[field] ?? code) : code
    errors.push({ code: reportedCode, ...(message ? { message } : {}), param: field, path: `#/${field}` })
  }
  if (errors.length > 0) throw invalidParameters(errors)
  const text = (field: string) => String(given[field])
  return {
    appId: text('appId'),
    username: text('username'),
    password: text('password'),
    email: text('email'),
    hosting: text('hosting'),
    language: isText(given.language) ? given.language : 'en',
    referer: isText(given.referer) ? given.referer : undefined,
  }
}

function refuseTaken(platform: Platform, wanted: NewUser): void {
  const conflicts: Record<string, string> = {}
  if (reservedUsernames.includes(wanted.username) || userNamed(platform.state, wanted.username))
    conflicts.username = wanted.username
  if (findUserByEmail(platform.state, wanted.email)) conflicts.email = wanted.email
  const keys = Object.entries(conflicts)
  if (keys.length === 0) return
  const description = keys.map(([key, value]) => `${key} "${value}"`).join(', ')
  throw new ApiError(409, 'item-already-exists', `A user with ${description} already exists`, conflicts)
}

/** POST {register}users (or {core}users): a new account, signed in for the registering app. */
function createUser({ platform, body }: RequestContext) {
  const wanted = parseNewUser(body, currentHostings(platform))
  refuseTaken(platform, wanted)
  const user = {
    username: wanted.username,
    email: wanted.email,
    password: wanted.password,
    language: wanted.language,
    mfa: { active: false, recoveryCodes: [] },
    streams: [],
    accesses: [],
    webhooks: [],
    registration: {
      appId: wanted.appId,
      hosting: wanted.hosting,
      ...(wanted.referer === undefined ? {} : { referer: wanted.referer }),
    },
  }
  platform.state.users.set(user.username, user)
  const session = openSession(platform, user, wanted.appId)
  return jsonAnswer(201, {
    username: user.username,
    apiEndpoint: apiEndpoint(platform.config, user.username, session.token),
  })
}

export const registrationRoutes: Route[] = [
  { method: 'POST', pattern: /^\/reg\/users$/, meta: 'always', handle: createUser },
  { method: 'POST', pattern: /^\/users$/, meta: 'always', handle: createUser },
]
