import { AppError } from './appError'
import { asRecord, textOf } from './json'

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

export interface AcceptedState {
  status: 'ACCEPTED'
  username?: string
  token?: string
  apiEndpoint?: string
}
export interface RefusedState {
  status: 'REFUSED' | 'ERROR'
  reasonId?: string
  message?: string
}
export interface RedirectedState {
  status: 'REDIRECTED'
  redirectUrl?: string
  poll?: string
}

export type AccessState = AccessRequest | AcceptedState | RefusedState | RedirectedState

type Fields = Record<string, unknown>

function textOrNumber(value: unknown): string | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : textOf(value)
}

/** Permissions as listed in an answer; an entry that is not an object is kept as text, to be shown as such. */
export function permissionsFrom(list: unknown[]): Permission[] {
  return list.map((item: unknown) => asRecord(item) ?? { value: String(item) })
}

function parseServiceInfo(value: unknown): ServiceInfo | undefined {
  const info = asRecord(value)
  if (!info || !textOf(info.api) || !textOf(info.register) || !textOf(info.access) || !textOf(info.name))
    return undefined
  return info as ServiceInfo
}

function parseRequest(body: Fields): AccessRequest {
  const requestingAppId = textOf(body.requestingAppId)
  const key = textOf(body.key)
  if (!requestingAppId || !key || !Array.isArray(body.requestedPermissions)) throw new AppError('unexpected-answer')
  const permissions = permissionsFrom(body.requestedPermissions)
  return {
    status: 'NEED_SIGNIN',
    key,
    requestingAppId,
    requestedPermissions: permissions,
    serviceInfo: parseServiceInfo(body.serviceInfo),
    lang: textOf(body.lang) ?? textOf(body.languageCode),
    returnURL: textOf(body.returnURL) ?? textOf(body.returnUrl),
    oauthState: textOrNumber(body.oauthState),
    clientData: asRecord(body.clientData),
    deviceName: textOf(body.deviceName),
    expireAfter: typeof body.expireAfter === 'number' && body.expireAfter > 0 ? body.expireAfter : undefined,
    token: textOf(body.token),
  }
}

/** Validates a poll answer into a typed state; anything else is an unexpected answer. */
export function parseAccessState(value: unknown): AccessState {
  const body = asRecord(value)
  switch (body?.status) {
    case 'NEED_SIGNIN':
      return parseRequest(body)
    case 'ACCEPTED':
      return {
        status: 'ACCEPTED',
        username: textOf(body.username),
        token: textOf(body.token),
        apiEndpoint: textOf(body.apiEndpoint),
      }
    case 'REFUSED':
    case 'ERROR':
      return {
        status: body.status,
        reasonId: textOrNumber(body.reasonId ?? body.reasonID),
        message: textOf(body.message),
      }
    case 'REDIRECTED':
      return { status: 'REDIRECTED', redirectUrl: textOf(body.redirectUrl), poll: textOf(body.poll) }
    default:
      throw new AppError('unexpected-answer')
  }
}
