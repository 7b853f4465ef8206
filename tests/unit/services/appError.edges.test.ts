import { describe, expect, it } from 'vitest'
import { AppError, describeItem, platformErrorOf, toAppError } from '@/services/appError'

// Error mapping at its boundaries: the status edges, where the platform error is read, how much is kept.

function bodyError(status: number | undefined, error: unknown) {
  return { status, response: { body: { error } } }
}

describe('toAppError: the HTTP status without a known platform id', () => {
  it('is a server error from exactly 500 up, unknown below', () => {
    expect(toAppError({ status: 500 }).code).toBe('server')
    expect(toAppError({ status: 503 }).code).toBe('server')
    expect(toAppError({ status: 499 }).code).toBe('unknown')
    expect(toAppError({ status: 404 }).code).toBe('unknown')
    expect(toAppError(bodyError(500, { id: 'not-a-known-id' })).code).toBe('server')
    expect(toAppError(bodyError(499, { id: 'not-a-known-id' })).code).toBe('unknown')
  })

  it('is unknown without a status, or with a status that is not a number', () => {
    expect(toAppError({}).code).toBe('unknown')
    expect(toAppError({ status: '500' }).code).toBe('unknown')
    expect(toAppError(bodyError(undefined, { id: 'not-a-known-id' })).code).toBe('unknown')
  })

  it('is unknown for anything thrown that is not an object', () => {
    for (const thrown of [null, undefined, 'text', 42]) expect(toAppError(thrown).code, String(thrown)).toBe('unknown')
  })
})

describe('toAppError: which errors may be retried', () => {
  it('offers a retry for server, network, unexpected answers, unknown failures and a mail not sent only', () => {
    expect(
      ['server', 'network', 'unexpected-answer', 'unknown', 'reset-mail-failed'].every(
        (code) => new AppError(code as AppError['code']).retryable,
      ),
    ).toBe(true)
    for (const code of [
      'invalid-credentials',
      'forbidden',
      'session-expired',
      'invalid-request',
      'password-refused',
    ] as const)
      expect(new AppError(code).retryable, code).toBe(false)
  })

  it('is named AppError and keeps no details nor fields unless given', () => {
    const error = new AppError('server')
    expect([error.name, error.message, error.details, error.fields]).toEqual(['AppError', 'server', [], {}])
  })
})

describe('toAppError: the untrusted app', () => {
  it('is an invalid-credentials error whose message speaks of trust, in any case', () => {
    expect(toAppError(bodyError(401, { id: 'invalid-credentials', message: 'The app is not TRUSTED here' })).code).toBe(
      'untrusted-app',
    )
    expect(toAppError(bodyError(401, { id: 'invalid-credentials', message: 'Wrong password' })).code).toBe(
      'invalid-credentials',
    )
    expect(toAppError(bodyError(403, { id: 'forbidden', message: 'not trusted' })).code).toBe('forbidden')
  })

  it('does not read a message that is not text', () => {
    expect(toAppError(bodyError(401, { id: 'invalid-credentials', message: ['not trusted'] })).code).toBe(
      'invalid-credentials',
    )
  })

  it('does not read an id that is not text', () => {
    expect(toAppError(bodyError(403, { id: ['forbidden'] })).code).toBe('unknown')
  })
})

describe('platformErrorOf', () => {
  it('prefers the response body, then a batch error that has an id', () => {
    expect(platformErrorOf({ response: { body: { error: { id: 'a' } } }, innerObject: { id: 'b' } })).toEqual({
      id: 'a',
    })
    expect(platformErrorOf({ innerObject: { id: 'b' } })).toEqual({ id: 'b' })
    expect(platformErrorOf({ innerObject: { message: 'no id' } })).toBeUndefined()
    expect(platformErrorOf({ response: { body: { error: 'text' } } })).toBeUndefined()
    expect(platformErrorOf(null)).toBeUndefined()
  })
})

describe('details and fields at their limits', () => {
  it('keeps at most 10 lines of at most 300 characters', () => {
    const data = Array.from({ length: 12 }, (_, index) => ({
      param: `f${index}`,
      message: `${index}`.padEnd(400, 'x'),
    }))
    const error = toAppError(bodyError(400, { id: 'invalid-parameters-format', message: 'm', data }))
    expect(error.details).toHaveLength(10)
    expect(error.details[0]).toBe('m')
    expect(error.details.slice(1).every((line) => line.length === 300)).toBe(true)
    expect(error.fields.f0).toHaveLength(300)
  })

  it('leaves out an empty message and items it cannot describe', () => {
    const error = toAppError(
      bodyError(400, {
        id: 'invalid-parameters-format',
        message: '',
        data: [{ message: 3 }, 7, 'plain'],
        subErrors: [{ code: 'too-short' }],
      }),
    )
    expect(error.details).toEqual(['plain', 'too-short'])
  })

  it('names a field by a non-empty param, else by the last segment of its path, first message only', () => {
    const data = [
      { param: '', path: '#/newPassword', message: 'too short' },
      { path: '#/newPassword', message: 'second' },
      { path: '#/', message: 'no name' },
      { param: 'username', message: 42 },
    ]
    expect(toAppError(bodyError(400, { id: 'invalid-parameters-format', data })).fields).toEqual({
      newPassword: 'too short',
    })
  })

  it('describes an item as "where: text", by path or param, with message before code', () => {
    expect(describeItem({ param: 'email', message: 'taken', code: 'x' })).toBe('email: taken')
    expect(describeItem({ path: '#/a', code: 'bad' })).toBe('#/a: bad')
    expect(describeItem({ path: 3, message: 'plain' })).toBe('plain')
    expect(describeItem(null)).toBeNull()
  })
})
