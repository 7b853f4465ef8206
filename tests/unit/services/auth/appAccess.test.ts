import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AccessRequest } from '@/services/accessState'
import { checkAppAccess, createAppAccess } from '@/services/auth/appAccess'
import type { AppError } from '@/services/appError'
import { fakeApiSession } from '../fakeApi'

afterEach(() => vi.unstubAllGlobals())

/** A session whose API answers every call with `answer`; records each call. */
function fakeSession(answer: unknown) {
  return fakeApiSession(() => answer)
}

const permissions = [{ streamId: 'diary', level: 'read', defaultName: 'Diary' }]
const bare: AccessRequest = {
  status: 'NEED_SIGNIN',
  key: 'k',
  requestingAppId: 'demo-app',
  requestedPermissions: permissions,
}
const full: AccessRequest = { ...bare, clientData: { a: 1 }, deviceName: 'phone', token: 'wanted', expireAfter: 3600 }

describe('checkAppAccess', () => {
  it('sends no optional field the request lacks, even when null', async () => {
    const { session, calls } = fakeSession({ checkedPermissions: permissions })
    const withNulls = { ...bare, clientData: null, deviceName: undefined, token: null } as unknown as AccessRequest
    await checkAppAccess(session, withNulls)
    expect(calls).toEqual([
      { method: 'accesses.checkApp', params: { requestingAppId: 'demo-app', requestedPermissions: permissions } },
      { method: 'streams.get', params: { state: 'all' } },
    ])
    expect(Object.keys(calls[0]?.params ?? {})).toEqual(['requestingAppId', 'requestedPermissions'])
  })

  it('sends the optional fields that are set', async () => {
    const { session, calls } = fakeSession({ checkedPermissions: permissions })
    await checkAppAccess(session, full)
    expect(calls[0]?.params).toEqual({
      requestingAppId: 'demo-app',
      requestedPermissions: permissions,
      clientData: { a: 1 },
      deviceName: 'phone',
      token: 'wanted',
      expireAfter: 3600,
    })
  })

  it('reuses a matching access', async () => {
    const { session } = fakeSession({
      matchingAccess: { id: 'a1', token: 'existing', apiEndpoint: 'https://existing@x/alice/' },
    })
    expect(await checkAppAccess(session, bare)).toEqual({
      kind: 'matching',
      token: 'existing',
      apiEndpoint: 'https://existing@x/alice/',
      // The answer lists no permissions: the requested ones are what it matched.
      permissions: bare.requestedPermissions,
      created: undefined,
      names: new Map([['diary', 'Diary']]),
    })
  })

  it('tells what a matching access holds and when it was made, for the confirmation', async () => {
    const permissions = [{ streamId: 'diary', level: 'read' }]
    const { session } = fakeSession({ matchingAccess: { token: 'existing', permissions, created: 1_700_000_000 } })
    expect(await checkAppAccess(session, bare)).toMatchObject({ kind: 'matching', permissions, created: 1_700_000_000 })
  })

  it('asks for consent with the checked permissions and the access to replace', async () => {
    const checked = [{ streamId: 'diary', level: 'read', name: 'My diary' }]
    const { session } = fakeSession({ mismatchingAccess: { id: 'old-1', token: 'old' }, checkedPermissions: checked })
    expect(await checkAppAccess(session, bare)).toEqual({
      kind: 'consent',
      permissions: checked,
      mismatchingAccessId: 'old-1',
      names: new Map([['diary', 'Diary']]),
    })
  })

  it('falls back to the requested permissions on a fresh check without checkedPermissions', async () => {
    const { session } = fakeSession({})
    expect(await checkAppAccess(session, bare)).toEqual({
      kind: 'consent',
      permissions,
      mismatchingAccessId: undefined,
      names: new Map([['diary', 'Diary']]),
    })
  })

  it("names each stream as the person does, else as the request proposes, in the check's own batch", async () => {
    const { session, calls } = fakeApiSession((call) =>
      call.method === 'streams.get'
        ? { streams: [{ id: 'diary', name: 'My diary', children: [{ id: 'notes', name: 'Notes' }] }, { id: 'x' }] }
        : { matchingAccess: { token: 'existing', permissions: [{ streamId: 'diary', level: 'read' }] } },
    )
    const request = {
      ...bare,
      requestedPermissions: [...permissions, { streamId: 'new', level: 'read', defaultName: 'New' }],
    }
    expect((await checkAppAccess(session, request)).names).toEqual(
      new Map([
        ['diary', 'My diary'],
        ['new', 'New'],
        ['notes', 'Notes'],
      ]),
    )
    expect(calls.map((call) => call.method)).toEqual(['accesses.checkApp', 'streams.get'])
  })

  it("keeps the request's names when the stream list is refused, and a refused check fails", async () => {
    const listRefused = fakeApiSession((call) =>
      call.method === 'streams.get'
        ? { error: { id: 'forbidden', message: 'no' } }
        : { checkedPermissions: permissions },
    )
    expect((await checkAppAccess(listRefused.session, bare)).names).toEqual(new Map([['diary', 'Diary']]))
    const checkRefused = fakeApiSession((call) =>
      call.method === 'streams.get' ? { streams: [] } : { error: { id: 'forbidden', message: 'no' } },
    )
    await expect(checkAppAccess(checkRefused.session, bare)).rejects.toMatchObject({ code: 'forbidden' })
  })

  it('turns a batch error into an AppError', async () => {
    const { session } = fakeSession({ error: { id: 'invalid-access-token', message: 'expired' } })
    await expect(checkAppAccess(session, bare)).rejects.toMatchObject({
      name: 'AppError',
      code: 'session-expired',
    } satisfies Partial<AppError>)
  })
})

describe('createAppAccess', () => {
  it('creates an app access named after the app, with only the set optionals', async () => {
    const { session, calls } = fakeSession({
      access: { id: 'n1', token: 'new-token', apiEndpoint: 'https://new-token@x/alice/' },
    })
    expect(await createAppAccess(session, bare, permissions)).toEqual({
      token: 'new-token',
      apiEndpoint: 'https://new-token@x/alice/',
      id: 'n1',
    })
    expect(calls).toEqual([{ method: 'accesses.create', params: { name: 'demo-app', type: 'app', permissions } }])
  })

  it('forwards the optional fields that are set', async () => {
    const { session, calls } = fakeSession({ access: { token: 't' } })
    expect(await createAppAccess(session, full, permissions)).toEqual({ token: 't', apiEndpoint: '' })
    expect(calls[0]?.params).toEqual({
      name: 'demo-app',
      type: 'app',
      permissions,
      clientData: { a: 1 },
      deviceName: 'phone',
      token: 'wanted',
      expireAfter: 3600,
    })
  })

  it('fails with unexpected-answer when no token comes back', async () => {
    const { session } = fakeSession({ access: { id: 'n1' } })
    await expect(createAppAccess(session, bare, permissions)).rejects.toMatchObject({ code: 'unexpected-answer' })
  })
})
