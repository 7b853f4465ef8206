import { ApiError, isRecord, jsonAnswer, type Answer } from './http.ts'
import { newAccessKey } from './ids.ts'
import type { AuthRequest } from './model.ts'
import type { RequestContext, Route } from './router.ts'
import { serviceInfoForPoll } from './service-info.ts'
import type { Platform, PlatformConfig } from './state.ts'
import { invalidParameters, ParamsCheck, typeError } from './validation.ts'

const defaultLifetimeMs = 60 * 60 * 1000
const pollRateMs = 1000

/** The HTTP status of a poll answer follows the request's state. */
const statusCodes: Record<string, number> = {
  NEED_SIGNIN: 201,
  ACCEPTED: 200,
  REFUSED: 403,
  ERROR: 403,
  REDIRECTED: 301,
}

const needSigninFields = [
  'status',
  'serviceInfo',
  'key',
  'requestingAppId',
  'requestedPermissions',
  'poll',
  'authUrl',
  'poll_rate_ms',
  'lang',
  'returnURL',
  'oauthState',
  'clientData',
]
const fieldsByStatus: Record<string, string[]> = {
  NEED_SIGNIN: needSigninFields,
  ACCEPTED: ['status', 'username', 'token', 'apiEndpoint'],
  REFUSED: ['status', 'reasonId', 'message'],
  ERROR: ['status', 'reasonId', 'message'],
  REDIRECTED: ['status', 'poll', 'redirectUrl'],
}

function pick(state: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, state[field]]))
}

/** What a poll answers for the current state, with the matching HTTP status. */
function stateAnswer(state: Record<string, unknown>): Answer {
  const status = String(state.status)
  return jsonAnswer(statusCodes[status] ?? 200, pick(state, fieldsByStatus[status] ?? needSigninFields))
}

function buildAuthUrl(config: PlatformConfig, query: Record<string, string>): string {
  const search = Object.entries(query)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&')
  return config.authPageUrl + (config.authPageUrl.includes('?') ? '&' : '?') + search
}

/** Optional fields of an auth request: `null` stands for "not given"; other wrong types are refused. */
function optionalField(check: ParamsCheck, name: string, type: 'string' | 'object' | 'number'): unknown {
  const value = check.params[name]
  if (value === undefined || value === null) return null
  const valid = type === 'object' ? isRecord(value) : typeof value === type
  if (!valid) check.add(typeError(`#/${name}`, type))
  return valid ? value : null
}

function parseRequest(body: unknown, config: PlatformConfig) {
  const check = new ParamsCheck(body)
  const requestingAppId = check.requiredString('requestingAppId', { minLength: 1 })
  const requestedPermissions = check.array('requestedPermissions', true)
  const returnURL = check.params.returnURL === false ? false : optionalField(check, 'returnURL', 'string')
  const fields = {
    requestingAppId,
    requestedPermissions,
    lang: optionalField(check, 'languageCode', 'string'),
    returnURL,
    oauthState: optionalField(check, 'oauthState', 'string'),
    clientData: optionalField(check, 'clientData', 'object'),
    deviceName: optionalField(check, 'deviceName', 'string'),
    expireAfter: optionalField(check, 'expireAfter', 'number'),
    referer: optionalField(check, 'referer', 'string'),
  }
  const authUrl = optionalField(check, 'authUrl', 'string')
  check.done()
  if (authUrl !== null && authUrl !== config.authPageUrl) {
    throw invalidParameters([
      {
        code: 'authUrl-invalid',
        message: 'This platform only uses its own auth page.',
        param: 'authUrl',
        path: '#/authUrl',
      },
    ])
  }
  return fields
}

/** POST {access}: a third-party app asks for an access; the answer tells it where to send the user and what to poll. */
function createAuthRequest({ platform, body }: RequestContext) {
  const { config } = platform
  const fields = parseRequest(body, config)
  const key = newAccessKey()
  const poll = `${config.origin}/reg/access/${key}`
  const query: Record<string, string> = {
    lang: typeof fields.lang === 'string' ? fields.lang : 'en',
    key,
    requestingAppId: fields.requestingAppId,
    poll,
    poll_rate_ms: String(pollRateMs),
    serviceInfo: `${config.origin}/reg/service/info`,
  }
  if (typeof fields.returnURL === 'string') query.returnURL = fields.returnURL
  if (typeof fields.oauthState === 'string') query.oauthState = fields.oauthState
  const state = {
    status: 'NEED_SIGNIN',
    key,
    ...fields,
    poll,
    authUrl: buildAuthUrl(config, query),
    poll_rate_ms: pollRateMs,
    serviceInfo: serviceInfoForPoll(config),
  }
  // As observed, the real platform reads `expireAfter` as the lifetime of the request itself, in milliseconds.
  const lifetime =
    typeof fields.expireAfter === 'number' && fields.expireAfter > 0 ? fields.expireAfter : defaultLifetimeMs
  platform.state.authRequests.set(key, { key, expires: Date.now() + lifetime, state, history: [] })
  const answer = pick(
    state,
    needSigninFields.filter((field) => field !== 'serviceInfo'),
  )
  return jsonAnswer(201, answer)
}

function liveRequest(platform: Platform, key: string): AuthRequest {
  const request = platform.state.authRequests.get(key)
  if (request && request.expires > Date.now()) return request
  platform.state.authRequests.delete(key)
  throw new ApiError(400, 'unknown-access-key', 'The access key is unknown or has expired.')
}

const pollStatuses = ['ACCEPTED', 'REFUSED', 'ERROR', 'REDIRECTED']

function validateUpdate(body: unknown): Record<string, unknown> {
  if (!isRecord(body) || typeof body.status !== 'string' || !pollStatuses.includes(body.status)) {
    throw new ApiError(400, 'invalid-parameters', `The status must be one of ${pollStatuses.join(', ')}.`)
  }
  const check = new ParamsCheck(body)
  if (body.status === 'ACCEPTED') {
    check.requiredString('username')
    check.requiredString('token')
  }
  if (body.status === 'REDIRECTED') check.requiredString('redirectUrl')
  check.done()
  return body
}

/** POST {poll}: no authentication; the body is merged into the state, which never becomes final (as observed). */
function updateAuthRequest({ platform, params, body }: RequestContext) {
  const request = liveRequest(platform, params.key ?? '')
  request.history.push(structuredClone(body ?? null))
  request.state = { ...request.state, ...validateUpdate(body) }
  return stateAnswer(request.state)
}

export const authRequestRoutes: Route[] = [
  { method: 'POST', pattern: /^\/reg\/access\/?$/, meta: 'success-only', handle: createAuthRequest },
  {
    method: 'GET',
    pattern: /^\/reg\/access\/(?<key>[^/]+)$/,
    meta: 'success-only',
    handle: ({ platform, params }) => stateAnswer(liveRequest(platform, params.key ?? '').state),
  },
  { method: 'POST', pattern: /^\/reg\/access\/(?<key>[^/]+)$/, meta: 'success-only', handle: updateAuthRequest },
]
