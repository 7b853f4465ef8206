import type { Connection } from 'pryv'
import { AppError } from './appError'

/** The API methods our pages call with a personal token. */
export type ApiMethod = 'accesses.checkApp' | 'accesses.create' | 'accesses.delete' | 'auth.logout' | 'account.changePassword'

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}

/**
 * POST {api} with one call in the API's batch format, as `pryv`'s `apiOne`
 * sends it, written by hand so a failure keeps its HTTP status and the
 * platform's error (`apiOne` reduces a failed batch, such as an expired
 * session or a 500, to a bare Error). Throws what `toAppError` reads.
 */
export async function callApi(connection: Connection, method: ApiMethod, params: object): Promise<Record<string, unknown>> {
  const response = await fetch(connection.endpoint, {
    method: 'POST',
    headers: { Authorization: connection.token ?? '', 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify([{ method, params }]),
  })
  const body = asRecord(await response.json())
  const results = body?.results
  const result = Array.isArray(results) ? asRecord(results[0]) : null
  const failure = result?.error !== undefined ? { error: result.error } : body
  if (!response.ok || !result || result.error !== undefined) {
    if (response.ok && !failure?.error) throw new AppError('unexpected-answer')
    throw { status: response.status, response: { body: failure, status: response.status } }
  }
  return result
}
