import type { Connection } from 'pryv'
import { AppError, failedAnswer, type PlatformErrorMap } from './appError'
import { sendJson } from './http'
import { asRecord } from './json'

/** The API methods our pages call with a personal token. */
export type ApiMethod =
  | 'accesses.checkApp'
  | 'accesses.create'
  | 'accesses.delete'
  | 'accesses.get'
  | 'auth.logout'
  | 'account.changePassword'
  | 'events.create'
  | 'events.get'
  | 'events.getOne'
  | 'streams.create'

/**
 * POST {api} with one call in the API's batch format, as `pryv`'s `apiOne`
 * sends it, written by hand so a failure keeps its HTTP status and the
 * platform's error (`apiOne` reduces a failed batch, such as an expired
 * session or a 500, to a bare Error).
 */
export async function callApi(
  connection: Connection,
  method: ApiMethod,
  params: object,
  errors?: PlatformErrorMap,
): Promise<Record<string, unknown>> {
  const answer = await sendJson(connection.endpoint, {
    body: [{ method, params }],
    authorization: connection.token ?? '',
  })
  const body = asRecord(answer.body)
  const results = body?.results
  const result = Array.isArray(results) ? asRecord(results[0]) : undefined
  // A failed call comes back in its result (batch) or as the whole answer's error.
  const error = asRecord(result?.error) ?? asRecord(body?.error)
  if (answer.ok && result && result.error === undefined) return result
  if (answer.ok && !error) throw new AppError('unexpected-answer')
  throw failedAnswer(answer.status, error, errors)
}
