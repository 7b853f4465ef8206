import { afterEach, describe, expect, it, vi } from 'vitest'
import { requestJson, sendJson, withAppErrors } from '@/services/http'
import { appErrorOf as failure, stubJsonAnswer as answer } from './jsonFetch'

afterEach(() => vi.unstubAllGlobals())

describe('sendJson', () => {
  it('posts JSON with the token in the Authorization header only, and reads the answer whatever its status', async () => {
    const fetchMock = answer(403, JSON.stringify({ status: 'REFUSED' }))
    expect(await sendJson('https://reg.example.com/access/k', { body: { a: 1 }, authorization: 'secret' })).toEqual({
      status: 403,
      ok: false,
      body: { status: 'REFUSED' },
    })
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe('https://reg.example.com/access/k')
    expect(init).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
      headers: { Authorization: 'secret', 'Content-Type': 'application/json' },
    })
  })

  it('sends a GET without body or Authorization when none is given', async () => {
    const fetchMock = answer(200, '{}')
    await sendJson('https://reg.example.com/x')
    expect(fetchMock.mock.calls[0]?.[1]).toStrictEqual({
      method: 'GET',
      headers: { Accept: 'application/json' },
      body: undefined,
    })
  })

  it('tells an unreachable platform from an answer that is not JSON', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    expect((await failure(sendJson('https://reg.example.com/x'))).code).toBe('network')
    answer(502, '<html>Bad gateway</html>')
    expect((await failure(sendJson('https://reg.example.com/x'))).code).toBe('unexpected-answer')
  })
})

describe('requestJson', () => {
  it('returns the body of a 2xx answer', async () => {
    answer(201, JSON.stringify({ reserved: false }))
    expect(await requestJson('https://reg.example.com/x')).toEqual({ reserved: false })
  })

  it("throws the platform error of any other answer, read through the call's own map first", async () => {
    answer(400, JSON.stringify({ error: { id: 'invalid-operation', message: 'MFA is not active' } }))
    const mapped = await failure(
      requestJson('https://reg.example.com/x', { body: {} }, { 'invalid-operation': 'mfa-not-active' }),
    )
    expect(mapped.code).toBe('mfa-not-active')
    expect(mapped.details).toEqual(['MFA is not active'])
    answer(400, JSON.stringify({ error: { id: 'invalid-operation' } }))
    expect((await failure(requestJson('https://reg.example.com/x'))).code).toBe('invalid-request')
  })

  it("falls back on the HTTP status when the answer carries no platform error: exactly 500 is the server's fault, 499 is not", async () => {
    answer(500, JSON.stringify({ oops: true }))
    expect((await failure(requestJson('https://reg.example.com/x'))).code).toBe('server')
    answer(499, JSON.stringify({ oops: true }))
    expect((await failure(requestJson('https://reg.example.com/x'))).code).toBe('unknown')
  })
})

describe('withAppErrors', () => {
  it('passes a result through and turns a pryv failure into an AppError with the given map', async () => {
    expect(await withAppErrors(async () => 42)).toBe(42)
    const pryvFailure = {
      status: 400,
      response: { body: { error: { id: 'invalid-operation', message: 'wrong code' } } },
    }
    expect(
      (await failure(withAppErrors(() => Promise.reject(pryvFailure), { 'invalid-operation': 'invalid-mfa-code' })))
        .code,
    ).toBe('invalid-mfa-code')
  })
})
