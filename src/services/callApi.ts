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
  | 'account.get'
  | 'auth.logout'
  | 'account.changePassword'
  | 'events.create'
  | 'events.get'
  | 'events.getOne'
  | 'profile.get'
  | 'streams.create'
  | 'streams.get'
  | 'webhooks.get'

export interface ApiCall {
  method: ApiMethod
  params: object
}

/** One call's outcome in a batch: its result, or the platform's refusal of that call alone (with its error id). */
export type BatchOutcome = { ok: true; result: Record<string, unknown> } | { ok: false; error: AppError; id?: unknown }

/**
 * POST {api} with calls in the API's batch format, as `pryv`'s `api` sends them, written by hand so a
 * failure keeps its HTTP status and the platform's error (`pryv` reduces a failed batch, such as an
 * expired session or a 500, to a bare Error). A refusal of the whole batch is thrown; each call's own
 * refusal is its outcome.
 */
export async function callApiBatch(
  connection: Connection,
  calls: readonly ApiCall[],
  errors?: PlatformErrorMap,
): Promise<BatchOutcome[]> {
  const answer = await sendJson(connection.endpoint, {
    body: calls.map(({ method, params }) => ({ method, params })),
    authorization: connection.token ?? '',
  })
  const body = asRecord(answer.body)
  const results = body?.results
  if (!answer.ok || !Array.isArray(results)) {
    const error = asRecord(body?.error)
    if (answer.ok && !error) throw new AppError('unexpected-answer')
    throw failedAnswer(answer.status, error, errors)
  }
  return calls.map((_call, index): BatchOutcome => {
    const result = asRecord(results[index])
    if (!result) return { ok: false, error: new AppError('unexpected-answer') }
    const error = asRecord(result.error)
    return result.error === undefined
      ? { ok: true, result }
      : { ok: false, error: failedAnswer(200, error, errors), id: error?.id }
  })
}

/** One API method through `callApiBatch`: its result, or its refusal thrown. */
export async function callApi(
  connection: Connection,
  method: ApiMethod,
  params: object,
  errors?: PlatformErrorMap,
): Promise<Record<string, unknown>> {
  const [outcome] = await callApiBatch(connection, [{ method, params }], errors)
  if (!outcome) throw new AppError('unexpected-answer')
  if (!outcome.ok) throw outcome.error
  return outcome.result
}
