import type { Connection } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { toAppError } from '@/services/appError'
import { callApi, callApiBatch } from '@/services/callApi'

const connection = { endpoint: 'https://alice.pryv.example/', token: 'personal-token' } as unknown as Connection

function answer(status: number, body: string) {
  const fetchMock = vi.fn(async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function failureCode(): Promise<string> {
  return callApi(connection, 'accesses.checkApp', {}).then(
    () => 'none',
    (err: unknown) => toAppError(err).code,
  )
}

afterEach(() => vi.unstubAllGlobals())

describe('callApi', () => {
  it('posts one batch call with the personal token and returns its result', async () => {
    const fetchMock = answer(200, JSON.stringify({ results: [{ checkedPermissions: [] }], meta: {} }))
    expect(await callApi(connection, 'accesses.checkApp', { requestingAppId: 'x' })).toEqual({ checkedPermissions: [] })
    expect(fetchMock).toHaveBeenCalledWith(
      'https://alice.pryv.example/',
      expect.objectContaining({
        method: 'POST',
        headers: expect.objectContaining({ Authorization: 'personal-token' }),
        body: JSON.stringify([{ method: 'accesses.checkApp', params: { requestingAppId: 'x' } }]),
      }),
    )
  })

  it("keeps what failed: the method's error, the whole batch's error and its HTTP status", async () => {
    answer(200, JSON.stringify({ results: [{ error: { id: 'forbidden', message: 'no' } }] }))
    expect(await failureCode()).toBe('forbidden')
    answer(401, JSON.stringify({ error: { id: 'invalid-access-token', message: 'expired' }, meta: {} }))
    expect(await failureCode()).toBe('session-expired')
    answer(500, JSON.stringify({ error: { id: 'unexpected-error', message: 'boom' } }))
    expect(await failureCode()).toBe('server')
    answer(503, JSON.stringify({ oops: true }))
    expect(await failureCode()).toBe('server')
  })

  it('tells an answer it cannot read, and an unreachable platform', async () => {
    answer(502, '<html>Bad gateway</html>')
    expect(await failureCode()).toBe('unexpected-answer')
    answer(200, JSON.stringify({ meta: {} }))
    expect(await failureCode()).toBe('unexpected-answer')
    answer(200, 'null')
    expect(await failureCode()).toBe('unexpected-answer')
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    expect(await failureCode()).toBe('network')
  })

  it('sends an empty authorization for a connection without a token, never one in the URL', async () => {
    const fetchMock = answer(200, JSON.stringify({ results: [{}] }))
    const anonymous = { endpoint: 'https://alice.pryv.example/' } as unknown as Connection
    await callApi(anonymous, 'accesses.get', {})
    expect(fetchMock).toHaveBeenCalledWith(
      'https://alice.pryv.example/',
      expect.objectContaining({ headers: expect.objectContaining({ Authorization: '' }) }),
    )
  })
})

describe('callApiBatch', () => {
  it("gives each call's result or refusal, with the platform's error id", async () => {
    const fetchMock = answer(
      200,
      JSON.stringify({
        results: [{ accessDeletion: { id: 'a' } }, { error: { id: 'unknown-resource', message: 'gone' } }],
      }),
    )
    const outcomes = await callApiBatch(connection, [
      { method: 'accesses.delete', params: { id: 'a' } },
      { method: 'accesses.delete', params: { id: 'b' } },
      { method: 'accesses.delete', params: { id: 'c' } },
    ])
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(outcomes[0]).toEqual({ ok: true, result: { accessDeletion: { id: 'a' } } })
    expect(outcomes[1]).toMatchObject({ ok: false, id: 'unknown-resource', error: { code: 'invalid-request' } })
    expect(outcomes[2]).toMatchObject({ ok: false, error: { code: 'unexpected-answer' } })
  })
})
