import pryv from 'pryv'
import { describe, expect, it } from 'vitest'
import { AppError, toAppError } from '@/services/appError'

function httpError(status: number, error?: Record<string, unknown>) {
  return { id: error?.id, status, response: { status, body: error ? { error } : undefined } }
}

describe('toAppError', () => {
  it('reads the platform error from the response body', () => {
    const err = toAppError(
      httpError(401, { id: 'invalid-credentials', message: 'The given username/password pair is invalid.' }),
    )
    expect(err).toBeInstanceOf(AppError)
    expect(err.code).toBe('invalid-credentials')
    expect(err.details).toEqual(['The given username/password pair is invalid.'])
    expect(err.retryable).toBe(false)
  })

  it('reads a batch error from innerObject and never keeps the thrown message', () => {
    const password = 'S3cret-Pa55'
    const thrown = new pryv.PryvError(
      `Error for api method: "account.changePassword" with params: {"oldPassword":"${password}"} >> Result: {...}`,
      {
        id: 'invalid-operation',
        message: 'The given password does not match.',
        data: [{ path: '#/oldPassword', message: 'wrong' }],
      },
    )
    const err = toAppError(thrown)
    expect(err.code).toBe('invalid-request')
    expect(err.message).toBe('invalid-request')
    expect(err.details).toEqual(['The given password does not match.', '#/oldPassword: wrong'])
    expect(JSON.stringify([err.message, err.details, err.stack])).not.toContain(password)
  })

  it("keeps each named field's message, by `param` or by the last segment of its path", () => {
    const err = toAppError(
      httpError(400, {
        id: 'invalid-parameters-format',
        message: 'Invalid parameters',
        data: [
          { param: 'username', message: 'taken' },
          { path: '#/newPassword', message: 'too short' },
          { path: '#/newPassword', message: 'second' },
          'no field',
        ],
      }),
    )
    expect(err.fields).toEqual({ username: 'taken', newPassword: 'too short' })
    expect(new AppError('network').fields).toEqual({})
  })

  it('tells an untrusted app from a wrong password', () => {
    const err = toAppError(
      httpError(401, { id: 'invalid-credentials', message: 'The app id ("x") is either missing or not trusted.' }),
    )
    expect(err.code).toBe('untrusted-app')
  })

  it('applies per-call overrides before the default map', () => {
    const thrown = httpError(400, {
      id: 'invalid-operation',
      message: 'MFA SMS provider error: HTTP 400',
      data: { id: 'mfa-sms-provider-error' },
    })
    expect(toAppError(thrown, { 'invalid-operation': 'invalid-mfa-code' }).code).toBe('invalid-mfa-code')
    expect(toAppError(thrown).code).toBe('invalid-request')
    expect(toAppError(thrown).details).toEqual(['MFA SMS provider error: HTTP 400'])
  })

  it('maps fetch failures to a retryable network error', () => {
    const err = toAppError(new TypeError('Failed to fetch'))
    expect(err.code).toBe('network')
    expect(err.retryable).toBe(true)
  })

  it('maps unparsable answers to unexpected-answer', () => {
    expect(toAppError(new SyntaxError('Unexpected token <')).code).toBe('unexpected-answer')
  })

  it('uses the status when there is no platform error', () => {
    expect(toAppError(httpError(500)).code).toBe('server')
    expect(toAppError(httpError(502, { id: 'something-new' })).code).toBe('server')
    expect(toAppError(httpError(400, { id: 'something-new' })).code).toBe('unknown')
    expect(toAppError('boom').code).toBe('unknown')
    expect(toAppError(null).code).toBe('unknown')
  })

  it('lists field errors as "path: message" lines', () => {
    const err = toAppError(
      httpError(400, {
        id: 'invalid-parameters-format',
        message: 'The parameters format is invalid.',
        data: [
          { code: 'INVALID_TYPE', message: 'must be object', path: '#/clientData' },
          { code: 'appid-invalid', param: 'appId', path: '#/appId' },
          42,
        ],
      }),
    )
    expect(err.code).toBe('invalid-request')
    expect(err.details).toEqual([
      'The parameters format is invalid.',
      '#/clientData: must be object',
      '#/appId: appid-invalid',
    ])
  })

  it('returns an AppError unchanged', () => {
    const original = new AppError('mfa-expired')
    expect(toAppError(original)).toBe(original)
  })
})

describe('toAppError with hostile error ids', () => {
  it('does not take members of Object.prototype for known ids', () => {
    for (const id of ['toString', 'valueOf', 'constructor', '__proto__', 'hasOwnProperty']) {
      const err = toAppError({ status: 400, response: { body: { error: { id, message: 'm' } } } })
      expect(err.code).toBe('unknown')
    }
  })
})
