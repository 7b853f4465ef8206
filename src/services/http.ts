import { AppError, failedAnswer, toAppError, type PlatformErrorMap } from './appError'
import { asRecord } from './json'

/** An answer read whatever its HTTP status: some platform answers carry a state on a 4xx (a refused poll request). */
export interface JsonAnswer {
  status: number
  ok: boolean
  body: unknown
}

export interface JsonRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  body?: unknown
  /** A token for the `Authorization` header; never put into the URL. */
  authorization?: string
}

/**
 * Runs a platform call (`pryv` or `fetch`); whatever it throws comes out as an AppError, with the
 * platform's error ids read through `errors` first (their meaning depends on the call).
 */
export async function withAppErrors<T>(call: () => Promise<T>, errors?: PlatformErrorMap): Promise<T> {
  try {
    return await call()
  } catch (err) {
    throw toAppError(err, errors)
  }
}

/** One JSON request for a call `pryv` lacks; the network failing or an answer that is not JSON is an AppError. */
export async function sendJson(url: string, request: JsonRequest = {}): Promise<JsonAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (request.body !== undefined) headers['Content-Type'] = 'application/json'
  if (request.authorization !== undefined) headers.Authorization = request.authorization
  return withAppErrors(async () => {
    const response = await fetch(url, {
      method: request.method ?? (request.body === undefined ? 'GET' : 'POST'),
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    })
    return { status: response.status, ok: response.ok, body: (await response.json()) as unknown }
  })
}

/** The platform's error of a failed answer (`{ error: { id, message, data } }`) as an AppError. */
export function answerError(answer: JsonAnswer, errors?: PlatformErrorMap): AppError {
  return failedAnswer(answer.status, asRecord(asRecord(answer.body)?.error), errors)
}

/** Like `sendJson`, but only a 2xx answer is a result: any other is the platform's error, thrown. */
export async function requestJson(url: string, request: JsonRequest = {}, errors?: PlatformErrorMap): Promise<unknown> {
  const answer = await sendJson(url, request)
  if (!answer.ok) throw answerError(answer, errors)
  return answer.body
}
