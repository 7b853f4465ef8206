import { AppError } from './appError'

/** A permission as the app requested it; unknown kinds are kept as they came, to be shown as text. */
export type Permission = Record<string, unknown>

/** The part of service info our pages use (as embedded in the poll state or served at service/info). */
export interface ServiceInfo {
  name: string
  api: string
  register: string
  access: string
  home?: string
  support?: string
  terms?: string
  version?: string
  assets?: { definitions?: string }
  [field: string]: unknown
}

/** What the app asked for, from a NEED_SIGNIN poll state; absent and null fields are undefined. */
export interface AccessRequest {
  status: 'NEED_SIGNIN'
  key: string
  requestingAppId: string
  requestedPermissions: Permission[]
  serviceInfo?: ServiceInfo
  lang?: string
  returnURL?: string
  oauthState?: string
  clientData?: Record<string, unknown>
  deviceName?: string
  expireAfter?: number
  token?: string
}

export interface AcceptedState { status: 'ACCEPTED'; username?: string; token?: string; apiEndpoint?: string }
export interface RefusedState { status: 'REFUSED' | 'ERROR'; reasonId?: string; message?: string }
export interface RedirectedState { status: 'REDIRECTED'; redirectUrl?: string; poll?: string }

export type AccessState = AccessRequest | AcceptedState | RefusedState | RedirectedState

type Fields = Record<string, unknown>

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function textOrNumber(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value)
}

function record(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : undefined
}

function parseServiceInfo(value: unknown): ServiceInfo | undefined {
  const info = record(value)
  if (!info || !text(info.api) || !text(info.register) || !text(info.access) || !text(info.name)) return undefined
  return info as ServiceInfo
}

function parseRequest(body: Fields): AccessRequest {
  const requestingAppId = text(body.requestingAppId)
  const key = text(body.key)
  if (!requestingAppId || !key || !Array.isArray(body.requestedPermissions)) throw new AppError('unexpected-answer')
  const permissions = body.requestedPermissions.map((item: unknown) => record(item) ?? { value: String(item) })
  return {
    status: 'NEED_SIGNIN',
    key,
    requestingAppId,
    requestedPermissions: permissions,
    serviceInfo: parseServiceInfo(body.serviceInfo),
    lang: text(body.lang) ?? text(body.languageCode),
    returnURL: text(body.returnURL) ?? text(body.returnUrl),
    oauthState: textOrNumber(body.oauthState),
    clientData: record(body.clientData),
    deviceName: text(body.deviceName),
    expireAfter: typeof body.expireAfter === 'number' && body.expireAfter > 0 ? body.expireAfter : undefined,
    token: text(body.token),
  }
}

/** Validates a poll answer into a typed state; anything else is an unexpected answer. */
export function parseAccessState(value: unknown): AccessState {
  const body = record(value)
  switch (body?.status) {
    case 'NEED_SIGNIN':
      return parseRequest(body)
    case 'ACCEPTED':
      return { status: 'ACCEPTED', username: text(body.username), token: text(body.token), apiEndpoint: text(body.apiEndpoint) }
    case 'REFUSED':
    case 'ERROR':
      return { status: body.status, reasonId: textOrNumber(body.reasonId ?? body.reasonID), message: text(body.message) }
    case 'REDIRECTED':
      return { status: 'REDIRECTED', redirectUrl: text(body.redirectUrl), poll: text(body.poll) }
    default:
      throw new AppError('unexpected-answer')
  }
}
