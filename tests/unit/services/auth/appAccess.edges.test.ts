import type { Connection } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AccessRequest } from '@/services/accessState'
import { appApiEndpoint, checkAppAccess, createAppAccess, deleteAccess } from '@/services/auth/appAccess'
import type { Session } from '@/services/signIn'
import { fakeApiSession } from '../fakeApi'

afterEach(() => vi.unstubAllGlobals())

const permissions = [{ streamId: 'diary', level: 'read' }]
const request: AccessRequest = {
  status: 'NEED_SIGNIN',
  key: 'k',
  requestingAppId: 'demo-app',
  requestedPermissions: permissions,
}

/** A session whose service builds endpoints with `apiEndpointFor`. */
function sessionWithService(apiEndpointFor: (username: string, token: string) => Promise<string>): Session {
  const connection = { service: { apiEndpointFor: vi.fn(apiEndpointFor) } }
  return { username: 'alice', connection: connection as unknown as Connection }
}

describe('checkAppAccess: a matching access', () => {
  it('is used only when it comes with a token: without one, the user is asked and it is replaced', async () => {
    const { session } = fakeApiSession(() => ({
      matchingAccess: { id: 'a1', apiEndpoint: 'https://x/alice/' },
      checkedPermissions: permissions,
    }))
    expect(await checkAppAccess(session, request)).toEqual({
      kind: 'consent',
      permissions,
      mismatchingAccessId: 'a1',
      names: new Map(),
    })
    const numeric = fakeApiSession(() => ({ matchingAccess: { token: 42 } }))
    expect((await checkAppAccess(numeric.session, request)).kind).toBe('consent')
  })

  it('keeps no endpoint that is not text', async () => {
    const { session } = fakeApiSession(() => ({ matchingAccess: { token: 'existing', apiEndpoint: 7 } }))
    expect(await checkAppAccess(session, request)).toMatchObject({
      kind: 'matching',
      token: 'existing',
      apiEndpoint: undefined,
    })
  })

  it('is not an object when it is null', async () => {
    const { session } = fakeApiSession(() => ({ matchingAccess: null, mismatchingAccess: null }))
    expect(await checkAppAccess(session, request)).toEqual({
      kind: 'consent',
      permissions,
      mismatchingAccessId: undefined,
      names: new Map(),
    })
  })
})

describe('checkAppAccess: the permissions to show', () => {
  it('keeps each checked permission object and names any other item by its text', async () => {
    const three = [...permissions, { streamId: 'b', level: 'read' }, { streamId: 'c', level: 'read' }]
    const { session } = fakeApiSession(() => ({
      checkedPermissions: [{ streamId: 'diary', level: 'read' }, 'odd', null],
    }))
    expect(await checkAppAccess(session, { ...request, requestedPermissions: three })).toMatchObject({
      permissions: [{ streamId: 'diary', level: 'read' }, { value: 'odd' }, { value: 'null' }],
    })
  })

  it('falls back to the requested ones when the checked ones are not a list, and names a mismatching access only by a text id', async () => {
    const { session } = fakeApiSession(() => ({ checkedPermissions: { streamId: 'x' }, mismatchingAccess: { id: 5 } }))
    expect(await checkAppAccess(session, request)).toEqual({
      kind: 'consent',
      permissions,
      mismatchingAccessId: undefined,
      names: new Map(),
    })
  })
})

describe('deleteAccess', () => {
  it('deletes the access by its id', async () => {
    const { session, calls } = fakeApiSession(() => ({ accessDeletion: { id: 'old-1' } }))
    await deleteAccess(session, 'old-1')
    expect(calls).toEqual([{ method: 'accesses.delete', params: { id: 'old-1' } }])
  })

  it('turns a refusal into an AppError', async () => {
    const { session } = fakeApiSession(() => ({ error: { id: 'unknown-resource', message: 'no such access' } }))
    await expect(deleteAccess(session, 'gone')).rejects.toMatchObject({
      name: 'AppError',
      code: 'invalid-request',
      details: ['no such access'],
    })
  })
})

describe('createAppAccess at its edges', () => {
  it('turns a refusal into an AppError', async () => {
    const { session } = fakeApiSession(() => ({ error: { id: 'forbidden', message: 'no' } }))
    await expect(createAppAccess(session, request, permissions)).rejects.toMatchObject({
      name: 'AppError',
      code: 'forbidden',
    })
  })

  it('keeps only a text id and a text endpoint', async () => {
    const { session } = fakeApiSession(() => ({ access: { id: 3, token: 't', apiEndpoint: false } }))
    expect(await createAppAccess(session, request, permissions)).toEqual({ token: 't', apiEndpoint: '', id: undefined })
  })

  it('fails when the access is not an object', async () => {
    const { session } = fakeApiSession(() => ({ access: 't' }))
    await expect(createAppAccess(session, request, permissions)).rejects.toMatchObject({ code: 'unexpected-answer' })
  })
})

describe('appApiEndpoint', () => {
  it('keeps an endpoint the platform gave with its token', async () => {
    const session = sessionWithService(async () => 'https://built@alice.example/')
    expect(await appApiEndpoint(session, { token: 't', apiEndpoint: 'https://t@alice.example/' })).toBe(
      'https://t@alice.example/',
    )
    expect(session.connection.service.apiEndpointFor).not.toHaveBeenCalled()
  })

  it('builds the endpoint from the service info for the user and the app token when none came with it', async () => {
    const session = sessionWithService(async (username, token) => `https://${token}@${username}.example/`)
    expect(await appApiEndpoint(session, { token: 'app-token', apiEndpoint: '' })).toBe(
      'https://app-token@alice.example/',
    )
    expect(await appApiEndpoint(session, { token: 'app-token', apiEndpoint: 'https://alice.example/' })).toBe(
      'https://app-token@alice.example/',
    )
  })

  it('turns a failure to build it into an AppError', async () => {
    const session = sessionWithService(async () => {
      throw new TypeError('Failed to fetch')
    })
    await expect(appApiEndpoint(session, { token: 't', apiEndpoint: '' })).rejects.toMatchObject({
      name: 'AppError',
      code: 'network',
    })
  })
})
