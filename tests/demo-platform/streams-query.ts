import { ApiError, isRecord } from './http.ts'
import type { ParamsCheck } from './validation.ts'

/** One clause of an events query: in one of `any`, in each of `all`, in none of `not`. Clauses of a list are alternatives. */
export interface StreamsClause {
  any?: string[]
  all?: string[]
  not?: string[]
}

const clauseKeys = ['any', 'all', 'not'] as const

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
}

function parseClause(item: unknown): StreamsClause | null {
  if (!isRecord(item) || Object.keys(item).some((key) => !clauseKeys.some((known) => known === key))) return null
  const clause: StreamsClause = {}
  for (const key of clauseKeys) {
    const list = item[key]
    if (list === undefined) continue
    if (!isStringList(list)) return null
    clause[key] = list
  }
  return clause
}

/** `streams=[...]` or `streams={...}` in a URL arrives as text: the platform reads it as JSON when it starts like JSON. */
function fromText(value: string): unknown {
  if (!value.startsWith('[') && !value.startsWith('{')) return [value]
  try {
    return JSON.parse(value) as unknown
  } catch (err) {
    throw new ApiError(
      400,
      'invalid-request-structure',
      'Invalid "streams" parameter. It should be an array of streamIds or JSON logical query. ' +
        `Error while parsing JSON ${String(err)}`,
      value,
    )
  }
}

/**
 * The `streams` parameter of events.get in its three forms: a list of
 * stream ids, a clause (`{ any, all, not }`), or a list of clauses; a URL
 * gives the first as `streams[]=` and the others as JSON text.
 */
export function parseStreamsQuery(check: ParamsCheck): StreamsClause[] | undefined {
  const given = check.params.streams
  if (given === undefined) return undefined
  const value = typeof given === 'string' ? fromText(given) : given
  if (isStringList(value)) return [{ any: value }]
  const items = Array.isArray(value) ? value : [value]
  const clauses = items.map(parseClause)
  if (clauses.every((clause): clause is StreamsClause => clause !== null)) return clauses
  check.add({ code: 'INVALID_TYPE', message: 'must be stream ids or a streams query', path: '#/streams' })
  return undefined
}

/** Every stream id the query names, in any part. */
export function queryStreamIds(clauses: StreamsClause[]): string[] {
  return clauses.flatMap((clause) => [...(clause.any ?? []), ...(clause.all ?? []), ...(clause.not ?? [])])
}

/** Whether an event matches, given how to tell it is in a stream (or below it). */
export function matchesStreams(clauses: StreamsClause[], isIn: (streamId: string) => boolean): boolean {
  return clauses.some(
    (clause) =>
      (clause.any === undefined || clause.any.some(isIn)) &&
      (clause.all ?? []).every(isIn) &&
      !(clause.not ?? []).some(isIn),
  )
}
