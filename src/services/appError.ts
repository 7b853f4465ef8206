import { asRecord } from './json'

/** Every failure the pages can explain; each has a message key `error.<code>` in every locale. */
export type AppErrorCode =
  | 'invalid-credentials'
  | 'username-changed'
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
  | 'unknown-user'
  | 'invalid-reset-token'
  | 'reset-mail-failed'
  | 'password-refused'
  | 'deletion-refused'
  | 'consent-expired'
  | 'consent-invalid'
  | 'consent-choice-refused'
  | 'unsupported'
  | 'server'
  | 'network'
  | 'unexpected-answer'
  | 'unknown'
  | CmcErrorCode

/** The CMC pages' failures (accept, scope update); each has the message `cmc.error.<code in camelCase without cmc->`. */
export type CmcErrorCode =
  | 'cmc-capability-invalid'
  | 'cmc-capability-timeout'
  | 'cmc-capability-empty'
  | 'cmc-offer-read-failed'
  | 'cmc-capability-consumed'
  | 'cmc-capability-invalidated'
  | 'cmc-already-accepted'
  | 'cmc-delivery-rejected'
  | 'cmc-delivery-failed'
  | 'cmc-granted-not-subset'
  | 'cmc-choice-not-allowed'
  | 'cmc-mandatory-refused'
  | 'cmc-insufficient-permissions'
  | 'cmc-access-name-taken'
  | 'cmc-offer-invalid-permissions'
  | 'cmc-offer-invalid-access-type'
  | 'cmc-scope-apply-failed'
  | 'cmc-grant-not-found'
  | 'cmc-no-remote-endpoint'
  | 'cmc-not-collector-stream'
  | 'cmc-scope-request-not-found'
  | 'cmc-scope-request-expired'
  | 'cmc-scope-request-answered'
  | 'cmc-scope-update-not-applied'
  | 'cmc-trigger-timeout'
  | 'cmc-trigger-failed'
  | 'cmc-capability-untrusted'
  | 'cmc-stream-exists'

const retryableCodes: ReadonlySet<AppErrorCode> = new Set([
  'server',
  'network',
  'unexpected-answer',
  'unknown',
  'reset-mail-failed',
])

export class AppError extends Error {
  readonly code: AppErrorCode
  /** The platform's own words (message and field errors), shown as text beside ours. */
  readonly details: string[]
  /** The platform's words about one parameter (`newPassword`, `username`...), to show next to its field. */
  readonly fields: Readonly<Record<string, string>>
  readonly retryable: boolean

  constructor(code: AppErrorCode, details: string[] = [], fields: Record<string, string> = {}) {
    super(code)
    this.name = 'AppError'
    this.code = code
    this.details = details
    this.fields = fields
    this.retryable = retryableCodes.has(code)
  }
}

/** Platform error ids whose meaning depends on the call, e.g. `invalid-operation` on mfa/verify is a wrong code. */
export type PlatformErrorMap = Partial<Record<string, AppErrorCode>>

/** Every id of the platform's catalogue (pryv's `ERRORS`), by what it means to the person; a test keeps them all listed. */
const defaultMap: PlatformErrorMap = {
  'invalid-credentials': 'invalid-credentials',
  'unknown-user': 'invalid-credentials',
  'unknown-email': 'invalid-credentials',
  'unknown-access-key': 'unknown-access-key',
  'invalid-access-token': 'session-expired',
  forbidden: 'forbidden',
  'denied-stream-access': 'forbidden',
  'too-high-access-for-account-stream': 'forbidden',
  'forbidden-multiple-account-streams-events': 'forbidden',
  'forbidden-none-editable-account-streams': 'forbidden',
  'forbidden-change-account-streams-id': 'forbidden',
  'forbidden-to-edit-noneditable-account-fields': 'forbidden',
  'unsupported-operation': 'unsupported',
  'invalid-method': 'unsupported',
  'removed-method': 'unsupported',
  'unavailable-method': 'unsupported',
  'api-unavailable': 'server',
  'unexpected-error': 'server',
  'corrupted-data': 'server',
  // The request itself was refused; the platform's words, shown beside ours, say which part.
  'invalid-parameters-format': 'invalid-request',
  'invalid-request-structure': 'invalid-request',
  'invalid-operation': 'invalid-request',
  'invalid-event-type': 'invalid-request',
  'invalid-item-id': 'invalid-request',
  'item-already-exists': 'invalid-request',
  'missing-header': 'invalid-request',
  'unknown-referenced-resource': 'invalid-request',
  'unknown-resource': 'invalid-request',
  'unsupported-content-type': 'invalid-request',
  'too-many-results': 'invalid-request',
  // Registration fields without a field to mark (e.g. the invitation token): refused as a whole.
  'invitationToken-invalid': 'invalid-request',
  'username-invalid': 'invalid-request',
  'username-required': 'invalid-request',
  'email-invalid': 'invalid-request',
  'email-required': 'invalid-request',
  'language-invalid': 'invalid-request',
  'appid-invalid': 'invalid-request',
  'password-invalid': 'invalid-request',
  'password-required': 'invalid-request',
  'referer-invalid': 'invalid-request',
  'missing-required-field': 'invalid-request',
  'newPassword-required': 'invalid-request',
}

export interface PlatformError {
  id?: unknown
  message?: unknown
  data?: unknown
  subErrors?: unknown
}

/** The `{ id, message, data }` of a Pryv error, wherever `pryv` put it (response body or batch result). */
export function platformErrorOf(err: unknown): PlatformError | undefined {
  const record = asRecord(err)
  const fromBody = asRecord(asRecord(asRecord(record?.response)?.body)?.error)
  if (fromBody) return fromBody
  const inner = asRecord(record?.innerObject)
  return inner && 'id' in inner ? inner : undefined
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

/** The field errors a platform error lists, in `data` or `subErrors`. */
function itemsOf(error: PlatformError): unknown[] {
  return [error.data, error.subErrors].flatMap((list) => (Array.isArray(list) ? (list as unknown[]) : []))
}

function detailsOf(error: PlatformError): string[] {
  const lines: string[] = []
  if (typeof error.message === 'string' && error.message !== '') lines.push(error.message)
  for (const item of itemsOf(error)) {
    const line = describeItem(item)
    if (line) lines.push(line)
  }
  return lines.map((line) => line.slice(0, 300)).slice(0, 10)
}

function fieldNameOf(item: Record<string, unknown>): string | undefined {
  if (typeof item.param === 'string' && item.param !== '') return item.param
  return typeof item.path === 'string' ? item.path.split('/').pop() || undefined : undefined
}

/** Each named field's first message: `param`, or the last segment of the JSON path (`#/newPassword`). */
function fieldsOf(error: PlatformError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const item of itemsOf(error)) {
    const record = asRecord(item)
    const name = record ? fieldNameOf(record) : undefined
    if (name && typeof record?.message === 'string') fields[name] ??= record.message.slice(0, 300)
  }
  return fields
}

function codeForPlatformError(error: PlatformError, status: number | undefined, map: PlatformErrorMap): AppErrorCode {
  const id = typeof error.id === 'string' ? error.id : ''
  const message = typeof error.message === 'string' ? error.message : ''
  if (id === 'invalid-credentials' && /trusted/i.test(message)) return 'untrusted-app'
  // Own keys only: an id such as "toString" must not find Object.prototype's members.
  const mapped =
    (Object.hasOwn(map, id) ? map[id] : undefined) ?? (Object.hasOwn(defaultMap, id) ? defaultMap[id] : undefined)
  if (mapped) return mapped
  return status !== undefined && status >= 500 ? 'server' : 'unknown'
}

/** The AppError for a platform answer that failed: its `{ error }` body when it has one, else its HTTP status. */
export function failedAnswer(
  status: number | undefined,
  error: PlatformError | undefined,
  map: PlatformErrorMap = {},
): AppError {
  if (error) return new AppError(codeForPlatformError(error, status, map), detailsOf(error), fieldsOf(error))
  return new AppError(status !== undefined && status >= 500 ? 'server' : 'unknown')
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
  return failedAnswer(typeof record.status === 'number' ? record.status : undefined, platformErrorOf(record), map)
}
