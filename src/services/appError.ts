/** Every failure the pages can explain; each has a message key `error.<code>` in every locale. */
export type AppErrorCode =
  | 'invalid-credentials'
  | 'untrusted-app'
  | 'invalid-mfa-code'
  | 'mfa-expired'
  | 'invalid-recovery-code'
  | 'mfa-not-active'
  | 'unknown-access-key'
  | 'missing-poll-url'
  | 'invalid-request'
  | 'session-expired'
  | 'forbidden'
  | 'invalid-fields'
  | 'account-exists'
  | 'server'
  | 'network'
  | 'unexpected-answer'
  | 'unknown'

const retryableCodes: ReadonlySet<AppErrorCode> = new Set(['server', 'network', 'unexpected-answer', 'unknown'])

export class AppError extends Error {
  readonly code: AppErrorCode
  /** The platform's own words (message and field errors), shown as text beside ours. */
  readonly details: string[]
  readonly retryable: boolean

  constructor(code: AppErrorCode, details: string[] = []) {
    super(code)
    this.name = 'AppError'
    this.code = code
    this.details = details
    this.retryable = retryableCodes.has(code)
  }
}

/** Platform error ids whose meaning depends on the call, e.g. `invalid-operation` on mfa/verify is a wrong code. */
export type PlatformErrorMap = Partial<Record<string, AppErrorCode>>

const defaultMap: PlatformErrorMap = {
  'invalid-credentials': 'invalid-credentials',
  'unknown-user': 'invalid-credentials',
  'unknown-email': 'invalid-credentials',
  'unknown-access-key': 'unknown-access-key',
  'invalid-access-token': 'session-expired',
  'invalid-parameters-format': 'invalid-request',
  'invalid-request-structure': 'invalid-request',
  'invalid-operation': 'invalid-request',
  forbidden: 'forbidden',
  'api-unavailable': 'server',
  'unexpected-error': 'server',
}

export interface PlatformError {
  id?: unknown
  message?: unknown
  data?: unknown
  subErrors?: unknown
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null
}

/** The `{ id, message, data }` of a Pryv error, wherever `pryv` put it (response body or batch result). */
export function platformErrorOf(err: unknown): PlatformError | null {
  const record = asRecord(err)
  const body = asRecord(asRecord(record?.response)?.body)
  const fromBody = asRecord(body?.error)
  if (fromBody) return fromBody
  const inner = asRecord(record?.innerObject)
  return inner && 'id' in inner ? inner : null
}

/** One field error of a platform answer as a line of text ("#/field: message"). */
export function describeItem(item: unknown): string | null {
  if (typeof item === 'string') return item
  const record = asRecord(item)
  if (!record) return null
  const text = record.message ?? record.code
  const where = record.path ?? record.param
  if (typeof text !== 'string') return null
  return typeof where === 'string' ? `${where}: ${text}` : text
}

function detailsOf(error: PlatformError): string[] {
  const lines: string[] = []
  if (typeof error.message === 'string' && error.message !== '') lines.push(error.message)
  for (const list of [error.data, error.subErrors]) {
    if (!Array.isArray(list)) continue
    for (const item of list) {
      const line = describeItem(item)
      if (line) lines.push(line)
    }
  }
  return lines.map((line) => line.slice(0, 300)).slice(0, 10)
}

function codeForPlatformError(error: PlatformError, status: number | undefined, map: PlatformErrorMap): AppErrorCode {
  const id = typeof error.id === 'string' ? error.id : ''
  const message = typeof error.message === 'string' ? error.message : ''
  if (id === 'invalid-credentials' && /trusted/i.test(message)) return 'untrusted-app'
  // Own keys only: an id such as "toString" must not find Object.prototype's members.
  const mapped = (Object.hasOwn(map, id) ? map[id] : undefined) ?? (Object.hasOwn(defaultMap, id) ? defaultMap[id] : undefined)
  if (mapped) return mapped
  return status !== undefined && status >= 500 ? 'server' : 'unknown'
}

/**
 * Turns anything thrown by `pryv`, `fetch` or our services into an AppError.
 * Never keeps the thrown message itself: `pryv` puts call parameters (tokens,
 * passwords) into its messages.
 */
export function toAppError(err: unknown, map: PlatformErrorMap = {}): AppError {
  if (err instanceof AppError) return err
  if (err instanceof SyntaxError) return new AppError('unexpected-answer')
  if (err instanceof TypeError) return new AppError('network')
  const record = asRecord(err)
  if (!record) return new AppError('unknown')
  const status = typeof record.status === 'number' ? record.status : undefined
  const platformError = platformErrorOf(record)
  if (platformError) return new AppError(codeForPlatformError(platformError, status, map), detailsOf(platformError))
  return new AppError(status !== undefined && status >= 500 ? 'server' : 'unknown')
}
