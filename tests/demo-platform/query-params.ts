/** The URL query as the platform's router reads it: `name[]=a&name[]=b` (or a repeated `name=`) as a list. */
export function urlQuery(query: URLSearchParams): Record<string, string | string[]> {
  const read: Record<string, string | string[]> = {}
  for (const key of new Set(query.keys())) {
    const name = key.replace(/\[\]$/, '')
    const values = [...query.getAll(name), ...query.getAll(`${name}[]`)]
    read[name] = key.endsWith('[]') || values.length > 1 ? values : (values[0] ?? '')
  }
  return read
}

// Query values are text: the platform's schemas turn these into numbers and booleans before checking them.
const numberParams = ['limit', 'skip', 'fromTime', 'toTime', 'modifiedSince']
const booleanParams = ['sortAscending', 'includeExpired', 'includeDeletions']

function coerce(name: string, value: string | string[]): unknown {
  if (typeof value !== 'string') return value
  if (numberParams.includes(name) && value.trim() !== '') return Number(value)
  if (booleanParams.includes(name) && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

/** A GET's query as method parameters; a value that does not read as its type is left for the check to refuse. */
export function queryParams(query: URLSearchParams): Record<string, unknown> {
  return Object.fromEntries(Object.entries(urlQuery(query)).map(([name, value]) => [name, coerce(name, value)]))
}
