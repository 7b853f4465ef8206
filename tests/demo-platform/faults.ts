import { isRecord, jsonAnswer, type Answer } from './http.ts'
import type { FaultRule, Faults } from './model.ts'
import { invalidParameters, typeError, type ParamError } from './validation.ts'

const simulatedFailure = { error: { id: 'unexpected-error', message: 'Simulated failure' } }

function optionalNumber(
  rule: Record<string, unknown>,
  field: string,
  path: string,
  errors: ParamError[],
  valid: (value: number) => boolean,
): number | undefined {
  const value = rule[field]
  if (value === undefined) return undefined
  if (typeof value === 'number' && valid(value)) return value
  errors.push(typeError(`${path}/${field}`, 'a valid number'))
  return undefined
}

function optionalFlag(
  rule: Record<string, unknown>,
  field: string,
  path: string,
  errors: ParamError[],
): boolean | undefined {
  const value = rule[field]
  if (value === undefined || typeof value === 'boolean') return value
  errors.push(typeError(`${path}/${field}`, 'boolean'))
  return undefined
}

/** A rule's `path` (required) or `query` (optional) RegExp source. */
function compilePattern(source: unknown, at: string, errors: ParamError[]): RegExp | null {
  if (typeof source !== 'string') {
    errors.push(typeError(at, 'string (a RegExp source)'))
    return null
  }
  try {
    return new RegExp(source)
  } catch {
    errors.push({ code: 'INVALID_REGEXP', message: 'must be a valid RegExp source', path: at })
    return null
  }
}

function parseRule(item: unknown, index: number, errors: ParamError[]): FaultRule | null {
  const path = `#/rules/${index}`
  if (!isRecord(item)) {
    errors.push(typeError(path, 'object'))
    return null
  }
  const before = errors.length
  if (item.method !== undefined && typeof item.method !== 'string') errors.push(typeError(`${path}/method`, 'string'))
  const pattern = compilePattern(item.path, `${path}/path`, errors)
  const query = item.query === undefined ? undefined : compilePattern(item.query, `${path}/query`, errors)
  const times = optionalNumber(item, 'times', path, errors, (value) => Number.isInteger(value) && value >= 1) ?? 1
  const status = optionalNumber(
    item,
    'status',
    path,
    errors,
    (value) => Number.isInteger(value) && value >= 100 && value <= 599,
  )
  const delayMs = optionalNumber(item, 'delayMs', path, errors, (value) => value >= 0)
  const nonJson = optionalFlag(item, 'nonJson', path, errors)
  const reset = optionalFlag(item, 'reset', path, errors)
  if (errors.length > before || !pattern || query === null) return null
  const method = typeof item.method === 'string' ? item.method.toUpperCase() : undefined
  return { method, path: pattern, query, times, status, body: item.body, nonJson, reset, delayMs }
}

/** The body of POST /_demo/faults; it replaces the current faults. */
export function parseFaults(body: unknown): Faults {
  const given = isRecord(body) ? body : {}
  const errors: ParamError[] = isRecord(body) || body === undefined ? [] : [typeError('#/', 'object')]
  const latencyMs = optionalNumber(given, 'latencyMs', '#', errors, (value) => value >= 0) ?? 0
  const items = given.rules ?? []
  if (!Array.isArray(items)) errors.push(typeError('#/rules', 'array'))
  const rules = Array.isArray(items) ? items.map((item, index) => parseRule(item, index, errors)) : []
  if (errors.length > 0) throw invalidParameters(errors)
  return { latencyMs, rules: rules.filter((rule): rule is FaultRule => rule !== null) }
}

/** The first rule for this request (`query`: the raw query string, without "?"), counted as used (and forgotten once its `times` are spent). */
export function takeFault(faults: Faults, method: string, path: string, query: string): FaultRule | undefined {
  const rule = faults.rules.find(
    (candidate) =>
      (candidate.method === undefined || candidate.method === method) &&
      candidate.path.test(path) &&
      (candidate.query === undefined || candidate.query.test(query)),
  )
  if (!rule) return undefined
  rule.times -= 1
  if (rule.times <= 0) faults.rules = faults.rules.filter((candidate) => candidate !== rule)
  return rule
}

/** What a rule answers instead of the platform: `null` for a delay-only rule, which lets the request through. */
export function faultAnswer(rule: FaultRule): Answer | null {
  if (rule.nonJson) {
    return {
      status: rule.status ?? 502,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<html>Bad gateway</html>',
    }
  }
  if (rule.body !== undefined) return jsonAnswer(rule.status ?? 500, rule.body)
  if (rule.status !== undefined) return jsonAnswer(rule.status, simulatedFailure)
  return null
}

export function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}

/** A view of the faults for GET /_demo/faults. */
export function describeFaults(faults: Faults): Record<string, unknown> {
  return {
    latencyMs: faults.latencyMs,
    rules: faults.rules.map((rule) => ({ ...rule, path: rule.path.source, query: rule.query?.source })),
  }
}
