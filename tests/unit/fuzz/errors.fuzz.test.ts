import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError, toAppError } from '@/services/appError'
import { errorMessageKey } from '@/i18n/errorMessages'
import { fuzzTimeoutMs } from './fuzzSettings'

const secret = 'p4ssw0rd-secret'
const errorBody = fc.record(
  {
    id: fc.oneof(fc.string(), fc.constantFrom('invalid-credentials', 'unknown-access-key', 'invalid-operation')),
    message: fc.string(),
    data: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: [] },
)
const thrown = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string().map((text) => new Error(`${text} params: {"password":"${secret}"}`)),
  fc.constantFrom(new TypeError('Failed to fetch'), new SyntaxError('Unexpected token < in JSON')),
  fc.record(
    {
      status: fc.integer({ min: 0, max: 700 }),
      response: fc.record({ body: fc.oneof(fc.record({ error: errorBody }), fc.jsonValue({ maxDepth: 2 })) }),
    },
    { requiredKeys: [] },
  ),
  errorBody.map((inner) =>
    Object.assign(new Error(`Error for api method with params: {"password":"${secret}"}`), { innerObject: inner }),
  ),
)

describe('any failure, from pryv, fetch or a platform', () => {
  it(
    'becomes an AppError with a message in every locale, bounded details and never the thrown message',
    () => {
      fc.assert(
        fc.property(thrown, (err) => {
          const appError = toAppError(err)
          expect(appError).toBeInstanceOf(AppError)
          expect(errorMessageKey(appError.code)).toMatch(/^error\./)
          expect(appError.details.length).toBeLessThanOrEqual(10)
          for (const detail of appError.details) {
            expect(detail.length).toBeLessThanOrEqual(300)
            expect(detail).not.toContain(secret)
          }
        }),
        { numRuns: 500 },
      )
    },
    fuzzTimeoutMs,
  )
})
