import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AccessRequest } from '@/services/accessState'
import { checkAppAccess } from '@/services/auth/appAccess'
import { sameFeatures, withRequestedFeatures } from '@/services/auth/featurePermissions'
import { fakeApiSession } from '../fakeApi'

afterEach(() => vi.unstubAllGlobals())

const diary = { streamId: 'diary', level: 'read', defaultName: 'Diary' }
const notes = { streamId: 'notes', level: 'contribute', defaultName: 'Notes' }
const selfRevoke = { feature: 'selfRevoke', setting: 'forbidden' }
const selfAudit = { feature: 'selfAudit', setting: 'forbidden' }

function requestFor(requestedPermissions: Array<Record<string, unknown>>): AccessRequest {
  return { status: 'NEED_SIGNIN', key: 'k', requestingAppId: 'demo-app', requestedPermissions }
}

describe('checkAppAccess with feature permissions', () => {
  it('sends only the stream entries, and puts the features back in the requested order for the consent', async () => {
    const checkedDiary = { streamId: 'diary', level: 'read', name: 'My diary' }
    const { session, calls } = fakeApiSession(() => ({ checkedPermissions: [checkedDiary, notes] }))
    const check = await checkAppAccess(session, requestFor([selfRevoke, diary, selfAudit, notes]))
    expect(calls[0]?.params.requestedPermissions).toEqual([diary, notes])
    expect(check).toEqual({
      kind: 'consent',
      permissions: [selfRevoke, checkedDiary, selfAudit, notes],
      mismatchingAccessId: undefined,
      names: new Map([
        ['diary', 'Diary'],
        ['notes', 'Notes'],
      ]),
    })
  })

  it('checks a request of features only with an empty stream list', async () => {
    const { session, calls } = fakeApiSession(() => ({ checkedPermissions: [] }))
    expect(await checkAppAccess(session, requestFor([selfRevoke]))).toEqual({
      kind: 'consent',
      permissions: [selfRevoke],
      mismatchingAccessId: undefined,
      names: new Map(),
    })
    expect(calls[0]?.params.requestedPermissions).toEqual([])
  })

  it('reuses a matching access whose features are the requested ones', async () => {
    const matchingAccess = {
      id: 'a1',
      token: 'existing',
      permissions: [{ streamId: 'diary', level: 'read' }, selfRevoke],
    }
    const { session } = fakeApiSession(() => ({ matchingAccess }))
    expect(await checkAppAccess(session, requestFor([diary, selfRevoke]))).toEqual({
      kind: 'matching',
      token: 'existing',
      apiEndpoint: undefined,
      permissions: matchingAccess.permissions,
      created: undefined,
      names: new Map([['diary', 'Diary']]),
    })
  })

  it('replaces a "matching" access without the requested features: consent on the requested list', async () => {
    const matchingAccess = { id: 'a1', token: 'existing', permissions: [{ streamId: 'diary', level: 'read' }] }
    const { session } = fakeApiSession(() => ({ matchingAccess }))
    expect(await checkAppAccess(session, requestFor([diary, selfRevoke]))).toEqual({
      kind: 'consent',
      permissions: [diary, selfRevoke],
      mismatchingAccessId: 'a1',
      names: new Map([['diary', 'Diary']]),
    })
  })

  it('replaces a "matching" access with features the app no longer asks for', async () => {
    const matchingAccess = {
      id: 'a1',
      token: 'existing',
      permissions: [{ streamId: 'diary', level: 'read' }, selfAudit],
    }
    const { session } = fakeApiSession(() => ({ matchingAccess }))
    expect(await checkAppAccess(session, requestFor([diary]))).toMatchObject({
      kind: 'consent',
      mismatchingAccessId: 'a1',
    })
  })
})

describe('sameFeatures', () => {
  it('compares feature and setting as a set, ignoring stream entries and order', () => {
    expect(sameFeatures([selfAudit, diary, selfRevoke], [selfRevoke, selfAudit])).toBe(true)
    expect(sameFeatures([diary], [diary])).toBe(true)
    expect(sameFeatures([selfRevoke], [{ feature: 'selfRevoke', setting: 'allowed' }])).toBe(false)
    expect(sameFeatures([selfRevoke], [selfRevoke, selfAudit])).toBe(false)
    expect(sameFeatures([], [selfRevoke])).toBe(false)
  })
})

describe('withRequestedFeatures', () => {
  it('keeps a requested stream entry the platform did not return', () => {
    expect(
      withRequestedFeatures([diary, selfRevoke, notes], [{ streamId: 'diary', level: 'read', name: 'D' }]),
    ).toEqual([{ streamId: 'diary', level: 'read', name: 'D' }, selfRevoke, notes])
  })
})
