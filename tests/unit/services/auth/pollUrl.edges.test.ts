import type { Service } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/services/appError'
import { fetchAccessState, notifyPollUrl, pollUrlForKey, type PollUpdate } from '@/services/auth/pollUrl'

const accessUrl = 'https://reg.pryv.me/access/'
const pollUrl = `${accessUrl}k3y`
const refuse: PollUpdate = { status: 'REFUSED', reasonId: 'REFUSED_BY_USER', message: 'refused by user' }
const needSignIn = {
  status: 'NEED_SIGNIN',
  key: 'k3y',
  requestingAppId: 'demo-app',
  requestedPermissions: [{ streamId: 'diary', level: 'read' }],
}

/** A `pryv` Service whose pollAccessRequest answers or fails as given. */
function serviceAnswering(answer: () => Promise<unknown>): Service {
  return { pollAccessRequest: vi.fn(answer) } as unknown as Service
}

/** What pryv throws for a non-2xx poll answer: the response rides on the error. */
function httpFailure(status: number, body: unknown): Error {
  return Object.assign(new Error(`HTTP ${status}`), { status, response: { status, body } })
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (err) {
    if (err instanceof AppError) return err
    throw err
  }
  throw new Error('expected a failure')
}

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })),
  )
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('pollUrlForKey', () => {
  it('appends the key, encoded, to the access URL', () => {
    expect(pollUrlForKey(accessUrl, 'k3y')).toBe(pollUrl)
    expect(pollUrlForKey(accessUrl, 'a b?c#d')).toBe(`${accessUrl}a%20b%3Fc%23d`)
  })

  it('refuses a key that would leave the access path or point at it', () => {
    for (const key of ['..', '.', '']) expect(pollUrlForKey(accessUrl, key), key).toBeNull()
    expect(pollUrlForKey('https://reg.pryv.me/reg/access/', '..')).toBeNull()
  })

  it('refuses a key that would move the URL to another origin', () => {
    // An access URL without its path puts the key into the host or the port: never taken.
    expect(pollUrlForKey('https://reg.pryv.me', '@evil.example')).toBeNull()
    expect(pollUrlForKey('https://reg.pryv.me:', '8443')).toBeNull()
  })

  it('refuses an access URL that is not an http(s) URL', () => {
    expect(pollUrlForKey('javascript:alert(1)//', 'k3y')).toBeNull()
    expect(pollUrlForKey('/access/', 'k3y')).toBeNull()
  })
})

describe('fetchAccessState', () => {
  it('reads each state a 200 can carry', async () => {
    expect(
      await fetchAccessState(
        serviceAnswering(async () => needSignIn),
        pollUrl,
      ),
    ).toMatchObject({ status: 'NEED_SIGNIN', key: 'k3y' })
    expect(
      await fetchAccessState(
        serviceAnswering(async () => ({ status: 'ACCEPTED', username: 'alice', token: 't' })),
        pollUrl,
      ),
    ).toEqual({ status: 'ACCEPTED', username: 'alice', token: 't', apiEndpoint: undefined })
    expect(
      await fetchAccessState(
        serviceAnswering(async () => ({ status: 'REFUSED', reasonId: 'REFUSED_BY_USER' })),
        pollUrl,
      ),
    ).toEqual({ status: 'REFUSED', reasonId: 'REFUSED_BY_USER', message: undefined })
  })

  it('reads REDIRECTED from a 301 body and ERROR from a 403 body', async () => {
    const redirected = serviceAnswering(async () => {
      throw httpFailure(301, { status: 'REDIRECTED', redirectUrl: 'https://app.example/done', poll: pollUrl })
    })
    expect(await fetchAccessState(redirected, pollUrl)).toEqual({
      status: 'REDIRECTED',
      redirectUrl: 'https://app.example/done',
      poll: pollUrl,
    })
    const error = serviceAnswering(async () => {
      throw httpFailure(403, { status: 'ERROR', reasonId: 'INVALID_KEY', message: 'no such key' })
    })
    expect(await fetchAccessState(error, pollUrl)).toEqual({
      status: 'ERROR',
      reasonId: 'INVALID_KEY',
      message: 'no such key',
    })
  })

  it('reads the state a 500 carries, and maps a 500 without one to a server error', async () => {
    const withState = serviceAnswering(async () => {
      throw httpFailure(500, { status: 'ERROR', reasonId: 'INTERNAL', message: 'broken' })
    })
    expect(await fetchAccessState(withState, pollUrl)).toMatchObject({ status: 'ERROR', reasonId: 'INTERNAL' })
    const withoutState = serviceAnswering(async () => {
      throw httpFailure(500, { error: { id: 'unexpected-error', message: 'oops' } })
    })
    expect((await rejection(fetchAccessState(withoutState, pollUrl))).code).toBe('server')
  })

  it('does not take a body whose status is not text for a state', async () => {
    const numeric = serviceAnswering(async () => {
      throw httpFailure(400, { status: 400, error: { id: 'unknown-access-key', message: 'gone' } })
    })
    expect((await rejection(fetchAccessState(numeric, pollUrl))).code).toBe('unknown-access-key')
    const noBody = serviceAnswering(async () => {
      throw Object.assign(new Error('HTTP 502'), { status: 502, response: {} })
    })
    expect((await rejection(fetchAccessState(noBody, pollUrl))).code).toBe('server')
    const nothing = serviceAnswering(async () => {
      throw null
    })
    expect((await rejection(fetchAccessState(nothing, pollUrl))).code).toBe('unknown')
  })

  it('refuses a body with an unknown state as an unexpected answer', async () => {
    const strange = serviceAnswering(async () => {
      throw httpFailure(301, { status: 'MOVED' })
    })
    expect((await rejection(fetchAccessState(strange, pollUrl))).code).toBe('unexpected-answer')
  })

  it('asks the poll URL it was given', async () => {
    const service = serviceAnswering(async () => needSignIn)
    await fetchAccessState(service, pollUrl)
    expect(service.pollAccessRequest).toHaveBeenCalledWith(pollUrl)
  })
})

describe('notifyPollUrl at its edges', () => {
  it('asks for JSON', async () => {
    answer(200, { status: 'REFUSED' })
    await notifyPollUrl(pollUrl, refuse)
    const [, init] = vi.mocked(fetch).mock.calls[0] as unknown as [string, RequestInit]
    expect(init.headers).toEqual({ 'Content-Type': 'application/json', Accept: 'application/json' })
  })

  it('takes a state from 2xx and 403 only', async () => {
    answer(201, { status: 'ACCEPTED', username: 'alice' })
    expect(await notifyPollUrl(pollUrl, refuse)).toMatchObject({ status: 'ACCEPTED' })
    for (const status of [400, 404, 500]) {
      answer(status, { status: 'REFUSED', reasonId: 'REFUSED_BY_USER' })
      expect((await rejection(notifyPollUrl(pollUrl, refuse))).code, String(status)).toBe(
        status >= 500 ? 'server' : 'unknown',
      )
    }
  })

  it('refuses a 200 without a state, and keeps the platform error of a failure', async () => {
    answer(200, { ok: true })
    expect((await rejection(notifyPollUrl(pollUrl, refuse))).code).toBe('unknown')
    answer(200, null)
    expect((await rejection(notifyPollUrl(pollUrl, refuse))).code).toBe('unknown')
    answer(400, { error: { id: 'invalid-parameters-format', message: 'bad reasonId' } })
    const err = await rejection(notifyPollUrl(pollUrl, refuse))
    expect([err.code, err.details]).toEqual(['invalid-request', ['bad reasonId']])
  })
})
