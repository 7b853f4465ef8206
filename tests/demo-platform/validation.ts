import { ApiError, isRecord } from './http.ts'

/** One item of an `invalid-parameters-format` error's `data`, in the platform's schema-validation style. */
export interface ParamError {
  code: string
  message?: string
  params?: unknown
  path: string
  param?: string
}

export function invalidParameters(data: unknown, message = "The parameters' format is invalid."): ApiError {
  return new ApiError(400, 'invalid-parameters-format', message, data)
}

export const typeError = (path: string, type: string): ParamError => ({
  code: 'INVALID_TYPE',
  message: `must be ${type}`,
  path,
})

export const enumError = (path: string, allowedValues: readonly string[]): ParamError => ({
  code: 'ENUM_MISMATCH',
  params: { allowedValues },
  message: 'must be equal to one of the allowed values',
  path,
})

function additionalProperty(path: string, name: string): ParamError {
  return { code: 'OBJECT_ADDITIONAL_PROPERTIES', params: [name], message: 'must NOT have additional properties', path }
}

/** A schema with `additionalProperties: false`: any key not allowed is refused. */
export function refuseOtherKeys(record: Record<string, unknown>, allowed: readonly string[], path: string): void {
  const extra = Object.keys(record).filter((key) => !allowed.includes(key))
  if (extra.length > 0) throw invalidParameters(extra.map((name) => additionalProperty(path, name)))
}

interface StringRule {
  required?: boolean
  minLength?: number
  maxLength?: number
}

/**
 * Checks method parameters the way the platform's JSON schemas do, collecting
 * every problem. A field sent as `null` counts as given with the wrong type:
 * the platform refuses null optionals.
 */
export class ParamsCheck {
  readonly errors: ParamError[] = []
  readonly params: Record<string, unknown>

  constructor(params: unknown) {
    if (params === undefined) {
      this.params = {}
    } else if (isRecord(params)) {
      this.params = params
    } else {
      this.params = {}
      this.errors.push(typeError('#/', 'object'))
    }
  }

  private present(name: string, required: boolean): boolean {
    if (name in this.params) return true
    if (required)
      this.errors.push({
        code: 'OBJECT_MISSING_REQUIRED_PROPERTY',
        params: [name],
        message: `must have required property '${name}'`,
        path: '#/',
      })
    return false
  }

  string(name: string, rule: StringRule = {}): string | undefined {
    if (!this.present(name, rule.required ?? false)) return undefined
    const value = this.params[name]
    const path = `#/${name}`
    if (typeof value !== 'string') {
      this.errors.push(typeError(path, 'string'))
      return undefined
    }
    if (rule.minLength !== undefined && value.length < rule.minLength) {
      this.errors.push({
        code: 'MIN_LENGTH',
        params: { limit: rule.minLength },
        message: `must NOT have fewer than ${rule.minLength} characters`,
        path,
      })
      return undefined
    }
    if (rule.maxLength !== undefined && value.length > rule.maxLength) {
      this.errors.push({
        code: 'MAX_LENGTH',
        params: { limit: rule.maxLength },
        message: `must NOT have more than ${rule.maxLength} characters`,
        path,
      })
      return undefined
    }
    return value
  }

  /** A required string; '' when invalid, which `done()` then refuses. */
  requiredString(name: string, rule: Omit<StringRule, 'required'> = {}): string {
    return this.string(name, { ...rule, required: true }) ?? ''
  }

  number(name: string, required = false): number | undefined {
    if (!this.present(name, required)) return undefined
    const value = this.params[name]
    if (typeof value === 'number' && Number.isFinite(value)) return value
    this.errors.push(typeError(`#/${name}`, 'number'))
    return undefined
  }

  boolean(name: string): boolean | undefined {
    if (!this.present(name, false)) return undefined
    const value = this.params[name]
    if (typeof value === 'boolean') return value
    this.errors.push(typeError(`#/${name}`, 'boolean'))
    return undefined
  }

  object(name: string, required = false): Record<string, unknown> | undefined {
    if (!this.present(name, required)) return undefined
    const value = this.params[name]
    if (isRecord(value)) return value
    this.errors.push(typeError(`#/${name}`, 'object'))
    return undefined
  }

  array(name: string, required = false): unknown[] | undefined {
    if (!this.present(name, required)) return undefined
    const value = this.params[name]
    if (Array.isArray(value)) return value
    this.errors.push(typeError(`#/${name}`, 'array'))
    return undefined
  }

  add(error: ParamError): void {
    this.errors.push(error)
  }

  /** Throws the collected problems as one `invalid-parameters-format` error. */
  done(): void {
    if (this.errors.length > 0) throw invalidParameters(this.errors)
  }
}
