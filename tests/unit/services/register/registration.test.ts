import type { Service } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAccount, isUsernameTaken, type NewAccount } from '@/services/register/registration'

const account: NewAccount = {
  email: 'alice@example.com',
  username: 'alice',
  password: 'secret-1',
  hosting: 'h1',
  appId: 'our-app',
  language: 'fr',
}

/** What pryv throws for a refused call (PryvError.fromApiResponse). */
function platformError(status: number, error: Record<string, unknown>): Error {
  return Object.assign(new Error(String(error.message)), {
    id: error.id,
    status,
    response: { status, body: { error } },
  })
}

function serviceAnswering(answer: (options: unknown) => Promise<unknown>) {
  const createUser = vi.fn(answer)
  return { service: { createUser } as unknown as Service, createUser }
}

describe('createAccount', () => {
  it('sends the form with our app id, language and the referer when there is one', async () => {
    const { service, createUser } = serviceAnswering(async () => ({
      username: 'alice',
      apiEndpoint: 'https://p.io/alice/',
    }))
    expect(await createAccount(service, { ...account, referer: 'some-app' })).toEqual({
      kind: 'created',
      username: 'alice',
      apiEndpoint: 'https://p.io/alice/',
    })
    expect(createUser).toHaveBeenCalledWith({ ...account, referer: 'some-app' })
    await createAccount(service, account)
    expect(Object.keys(createUser.mock.calls[1]?.[0] as object)).not.toContain('referer')
  })

  it('puts a 409 on the fields whose values are taken', async () => {
    const taken = platformError(409, {
      id: 'item-already-exists',
      message: 'A user with username "alice" already exists',
      data: { username: 'alice', email: 'alice@example.com' },
    })
    const { service } = serviceAnswering(() => Promise.reject(taken))
    const result = await createAccount(service, account)
    expect(result).toMatchObject({
      kind: 'refused',
      fields: { username: { rule: 'taken' }, email: { rule: 'taken' } },
      error: { code: 'account-exists' },
    })
  })

  it('puts schema errors next to their fields in the platform words, and keeps the others as details', async () => {
    const invalid = platformError(400, {
      id: 'invalid-parameters-format',
      message: 'Invalid',
      data: [
        { code: 'password-weak', message: 'Needs a digit', param: 'password', path: '#/password' },
        { code: 'email-invalid', path: '#/email' },
        { code: 'appid-invalid', message: 'Too short', param: 'appId', path: '#/appId' },
      ],
    })
    const { service } = serviceAnswering(() => Promise.reject(invalid))
    expect(await createAccount(service, account)).toMatchObject({
      kind: 'refused',
      fields: {
        password: { rule: 'refused', platformText: 'Needs a digit' },
        email: { rule: 'refused', platformText: 'email-invalid' },
      },
      error: { code: 'invalid-fields', details: ['#/appId: Too short'] },
    })
  })

  it('puts a taken hosting on its field, and leaves other taken values out', async () => {
    const taken = platformError(409, { id: 'item-already-exists', data: { hosting: 'h1', appId: 'our-app' } })
    const result = await createAccount(serviceAnswering(() => Promise.reject(taken)).service, account)
    expect(result.kind === 'refused' && result.fields).toEqual({ hosting: { rule: 'taken' } })
  })

  it("reads a field by param before path, keeps a field's first problem only, and details only what can be said", async () => {
    const invalid = platformError(400, {
      id: 'invalid-parameters-format',
      data: [
        { message: 'Needs a digit', param: 'password', path: '#/passwordHint' },
        { message: 'Too long as well', param: 'password' },
        { param: 'hosting' },
        { message: 'x'.repeat(400), path: '#/email' },
        { code: 'who-knows' },
        { param: 'appId' },
      ],
    })
    const result = await createAccount(serviceAnswering(() => Promise.reject(invalid)).service, account)
    expect(result).toStrictEqual({
      kind: 'refused',
      fields: {
        password: { rule: 'refused', platformText: 'Needs a digit' },
        hosting: { rule: 'refused', platformText: undefined },
        email: { rule: 'refused', platformText: 'x'.repeat(300) },
      },
      error: expect.objectContaining({ code: 'invalid-fields', details: ['who-knows'] }),
    })
  })

  it('throws a failure that carries no platform error as it is: the network, here', async () => {
    const { service } = serviceAnswering(() => Promise.reject(new TypeError('Failed to fetch')))
    await expect(createAccount(service, account)).rejects.toMatchObject({ code: 'network' })
  })

  it('throws what no field can fix: server errors, and refusals about other fields only', async () => {
    const { service } = serviceAnswering(() =>
      Promise.reject(platformError(500, { id: 'unexpected-error', message: 'Boom' })),
    )
    await expect(createAccount(service, account)).rejects.toMatchObject({ code: 'server', retryable: true })
    const appIdOnly = platformError(400, {
      id: 'invalid-parameters-format',
      message: 'Invalid',
      data: [{ code: 'appid-invalid', param: 'appId' }],
    })
    await expect(
      createAccount(serviceAnswering(() => Promise.reject(appIdOnly)).service, account),
    ).rejects.toMatchObject({ code: 'invalid-request' })
    const takenSomehow = platformError(409, { id: 'item-already-exists', message: 'Exists' })
    await expect(
      createAccount(serviceAnswering(() => Promise.reject(takenSomehow)).service, account),
    ).rejects.toMatchObject({ code: 'account-exists' })
  })

  it('never keeps pryv’s own message, which may hold the password', async () => {
    const { service } = serviceAnswering(() => Promise.reject(new Error(`createUser failed for ${account.password}`)))
    const error = await createAccount(service, account).catch((err: unknown) => err)
    expect(JSON.stringify(error) + String(error)).not.toContain(account.password)
  })
})

describe('isUsernameTaken', () => {
  afterEach(() => vi.unstubAllGlobals())

  function stubFetch(status: number, body: unknown) {
    const fetchMock = vi.fn<(url: string) => Promise<Response>>(
      async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
    )
    vi.stubGlobal('fetch', fetchMock)
    return fetchMock
  }

  it('asks the register URL of service info, the name encoded', async () => {
    const fetchMock = stubFetch(200, { reserved: true })
    expect(await isUsernameTaken('https://reg.p.io/', 'a/b')).toBe(true)
    expect(fetchMock.mock.calls[0]?.[0]).toBe('https://reg.p.io/a%2Fb/check_username')
    stubFetch(200, { reserved: false })
    expect(await isUsernameTaken('https://reg.p.io/', 'alice')).toBe(false)
  })

  it('fails on anything but a yes or no', async () => {
    stubFetch(400, { error: { id: 'invalid-parameters-format', message: 'Bad name' } })
    await expect(isUsernameTaken('https://reg.p.io/', 'al')).rejects.toMatchObject({ code: 'invalid-request' })
    for (const body of [{ reserved: 'maybe' }, null, 'reserved']) {
      stubFetch(200, body)
      await expect(isUsernameTaken('https://reg.p.io/', 'alice')).rejects.toMatchObject({ code: 'unexpected-answer' })
    }
  })
})
