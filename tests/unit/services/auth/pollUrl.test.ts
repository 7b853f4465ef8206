import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/services/appError'
import { notifyPollUrl, type PollUpdate } from '@/services/auth/pollUrl'

const pollUrl = 'https://reg.pryv.me/access/k3y'
const acceptUpdate: PollUpdate = {
  status: 'ACCEPTED',
  apiEndpoint: 'https://t@alice.pryv.me/',
  username: 'alice',
  token: 't',
}
const refuseUpdate: PollUpdate = { status: 'REFUSED', reasonId: 'REFUSED_BY_USER', message: 'refused by user' }

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(
    async () =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      }),
  )
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function failure(update: PollUpdate): Promise<AppError> {
  try {
    await notifyPollUrl(pollUrl, update)
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('expected a failure')
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('notifyPollUrl', () => {
  it('posts the update as JSON and returns the accepted state', async () => {
    const fetchMock = answer(200, {
      status: 'ACCEPTED',
      username: 'alice',
      token: 't',
      apiEndpoint: 'https://t@alice.pryv.me/',
    })
    expect(await notifyPollUrl(pollUrl, acceptUpdate)).toEqual({
      status: 'ACCEPTED',
      username: 'alice',
      token: 't',
      apiEndpoint: 'https://t@alice.pryv.me/',
    })
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe(pollUrl)
    expect(init.method).toBe('POST')
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/json' })
    expect(JSON.parse(String(init.body))).toEqual(acceptUpdate)
  })

  it('takes a 403 carrying the refused state as success', async () => {
    answer(403, { status: 'REFUSED', reasonId: 'REFUSED_BY_USER', message: 'refused by user' })
    expect(await notifyPollUrl(pollUrl, refuseUpdate)).toEqual({
      status: 'REFUSED',
      reasonId: 'REFUSED_BY_USER',
      message: 'refused by user',
    })
  })

  it('reports an unknown key', async () => {
    answer(400, { error: { id: 'unknown-access-key', message: 'The access key is unknown or expired' } })
    const err = await failure(acceptUpdate)
    expect(err.code).toBe('unknown-access-key')
    expect(err.details).toEqual(['The access key is unknown or expired'])
  })

  it('reports a server error without a state as server', async () => {
    answer(500, { error: { id: 'unexpected-error', message: 'oops' } })
    expect((await failure(acceptUpdate)).code).toBe('server')
  })

  it('reports a non-JSON answer as unexpected-answer', async () => {
    answer(502, '<html>Bad gateway</html>')
    expect((await failure(acceptUpdate)).code).toBe('unexpected-answer')
  })

  it('reports a failed fetch as a retryable network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch')
      }),
    )
    const err = await failure(acceptUpdate)
    expect(err.code).toBe('network')
    expect(err.retryable).toBe(true)
  })
})
