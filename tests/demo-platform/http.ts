import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Readable } from 'node:stream'

/** The `{ error }` body every Pryv.io error answers with. */
interface PryvErrorBody {
  id: string
  message: string
  data?: unknown
}

/** A Pryv API error: handlers throw it, the server answers it as `{ error }` with its HTTP status. */
export class ApiError extends Error {
  readonly status: number
  readonly id: string
  readonly data: unknown

  constructor(status: number, id: string, message: string, data?: unknown) {
    super(message)
    this.status = status
    this.id = id
    this.data = data
  }

  toBody(): PryvErrorBody {
    return this.data === undefined
      ? { id: this.id, message: this.message }
      : { id: this.id, message: this.message, data: this.data }
  }
}

/** What a route answers: `json` (serialized last, once `meta` is added), a raw `body`, or a `stream` (its headers give the length). */
export interface Answer {
  status: number
  headers: Record<string, string>
  json?: unknown
  body?: string | Buffer
  stream?: () => Readable
}

export function jsonAnswer(status: number, json: unknown): Answer {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, json }
}

export function htmlAnswer(status: number, html: string): Answer {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }, body: html }
}

export function errorAnswer(error: ApiError): Answer {
  return jsonAnswer(error.status, { error: error.toBody() })
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Browsers call every route cross-origin (the auth page lives elsewhere): answer for any origin. */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': origin ?? '*',
    'access-control-allow-credentials': 'true',
    vary: 'Origin',
  }
}

export function preflightAnswer(): Answer {
  return {
    status: 200,
    headers: {
      'access-control-allow-headers': 'content-type,authorization',
      'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
      'access-control-max-age': '600',
    },
    body: '',
  }
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** The JSON body of a request, `undefined` when empty; like the real API, other content types are refused. */
export function parseJsonBody(text: string, contentType: string | undefined): unknown {
  if (text.trim() === '') return undefined
  if (!/^application\/json\b/i.test(contentType ?? '')) {
    throw new ApiError(415, 'unsupported-content-type', `Expected "application/json", got "${contentType ?? 'none'}".`)
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new ApiError(400, 'invalid-request-structure', 'The request body is not valid JSON.')
  }
}

export function writeAnswer(
  res: ServerResponse,
  answer: Answer,
  extraHeaders: Record<string, string>,
  headOnly = false,
): void {
  if (answer.stream) {
    res.writeHead(answer.status, { ...extraHeaders, ...answer.headers })
    answer.stream().pipe(res)
    return
  }
  const raw = answer.json === undefined ? (answer.body ?? '') : JSON.stringify(answer.json)
  const body = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw
  res.writeHead(answer.status, { ...extraHeaders, ...answer.headers, 'content-length': String(body.length) })
  res.end(headOnly ? undefined : body)
}
