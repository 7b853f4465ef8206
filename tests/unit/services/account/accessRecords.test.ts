// @vitest-environment node
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadAccesses, readAccessRecord } from '@/services/account/accessRecords'
import { fakeApiSession } from '../fakeApi'

const token = 'ckd0secrettoken0001'

const row = {
  id: 'app-diary',
  token,
  apiEndpoint: `https://${token}@alice.pryv.example/`,
  type: 'app',
  name: 'diary-app',
  deviceName: 'phone',
  permissions: [
    { streamId: 'diary', level: 'read', defaultName: 'Diary', extra: token },
    { feature: 'selfRevoke', setting: 'forbidden' },
  ],
  created: 10,
  createdBy: 'p-web',
  modified: 11,
  modifiedBy: 'p-web',
  lastUsed: 12,
  expires: 13,
  integrity: 'ACCESS:0:sha256-x',
  clientData: {
    'app-web-auth:description': { content: '**Diary**' },
    cmc: {
      role: 'counterparty',
      counterparty: { username: 'demo-study', host: 'pryv.example', apiEndpoint: `https://${token}@study/` },
      backChannelApiEndpoint: `https://${token}@back/`,
      scopeStreamId: ':_cmc:apps:demo-study',
      appCode: 'demo-study',
    },
    other: token,
  },
}

afterEach(() => vi.unstubAllGlobals())

describe('readAccessRecord', () => {
  it('keeps what the page shows, field by field, and no token anywhere', () => {
    expect(readAccessRecord(row)).toEqual({
      id: 'app-diary',
      type: 'app',
      name: 'diary-app',
      deviceName: 'phone',
      permissions: [
        { streamId: 'diary', level: 'read', defaultName: 'Diary' },
        { feature: 'selfRevoke', setting: 'forbidden' },
      ],
      created: 10,
      createdBy: 'p-web',
      modified: 11,
      lastUsed: 12,
      expires: 13,
      consentMessage: '**Diary**',
      cmc: {
        role: 'counterparty',
        counterparty: { username: 'demo-study', host: 'pryv.example' },
        scopeStreamId: ':_cmc:apps:demo-study',
        appCode: 'demo-study',
      },
    })
  })

  it('never lets a value it was not asked to keep through, whatever else the row holds', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1 }), fc.constant(token)), (extra) => {
        const kept = readAccessRecord({ ...extra, ...row, clientData: { ...extra, ...row.clientData } })
        expect(JSON.stringify(kept)).not.toContain(token)
      }),
    )
  })

  it('leaves out a row it cannot show, and reads a bare one', () => {
    expect(readAccessRecord({ ...row, id: '' })).toBeNull()
    expect(readAccessRecord({ ...row, type: 'root' })).toBeNull()
    expect(readAccessRecord('app-diary')).toBeNull()
    expect(readAccessRecord({ id: 'p', type: 'personal' })).toEqual({
      id: 'p',
      type: 'personal',
      name: 'p',
      permissions: [],
    })
  })

  it('keeps only the text fields of a permission, and drops one with none', () => {
    const read = readAccessRecord({ ...row, permissions: [{ streamId: 3, level: 'read' }, { weird: true }, null] })
    expect(read?.permissions).toEqual([{ level: 'read' }])
  })
  it('reads each kind of access the page lists: personal, app and shared', () => {
    expect(['personal', 'app', 'shared'].map((type) => readAccessRecord({ id: 'x', type })?.type)).toEqual([
      'personal',
      'app',
      'shared',
    ])
  })

  it('leaves out every time that is not a number, and adds no field it has nothing for', () => {
    const read = readAccessRecord({
      id: 'link',
      type: 'shared',
      name: 'For my physiotherapist',
      permissions: 'all',
      created: '1700000000',
      modified: null,
      lastUsed: Number.POSITIVE_INFINITY,
      expires: Number.NaN,
      deviceName: '',
      createdBy: 7,
    })
    expect(read).toStrictEqual({ id: 'link', type: 'shared', name: 'For my physiotherapist', permissions: [] })
  })

  it('keeps the marks of an invitation as they are, none it lacks, and a party only with both its name and host', () => {
    const marks = (cmc: unknown) => readAccessRecord({ id: 'cap', type: 'shared', clientData: { cmc } })?.cmc
    expect(marks({ kind: 'capability', role: '', appCode: 3 })).toStrictEqual({ kind: 'capability' })
    expect(marks({ role: 'requester', counterparty: 'demo-study' })).toStrictEqual({ role: 'requester' })
    expect(marks({ scopeStreamId: ':_cmc:apps:x' })).toStrictEqual({ scopeStreamId: ':_cmc:apps:x' })
    expect(marks({ appCode: 'demo-study' })).toStrictEqual({ appCode: 'demo-study' })
    expect(marks({ counterparty: { username: 'demo-study' } })).toStrictEqual({})
    expect(marks({ counterparty: { host: 'pryv.example' } })).toStrictEqual({})
    expect(marks({ counterparty: { username: 'demo-study', host: 'pryv.example' } })).toStrictEqual({
      counterparty: { username: 'demo-study', host: 'pryv.example' },
    })
    expect(marks('cmc')).toBeUndefined()
  })
})

describe('loadAccesses', () => {
  it('asks for every access, expired ones included, in one call, and keeps them token-free', async () => {
    const { session, calls } = fakeApiSession(() => ({ accesses: [row, { id: 'x', type: 'bogus' }] }))
    const accesses = await loadAccesses(session.connection)
    expect(calls).toEqual([{ method: 'accesses.get', params: { includeExpired: true } }])
    expect(accesses.map((access) => access.id)).toEqual(['app-diary'])
    expect(JSON.stringify(accesses)).not.toContain(token)
  })

  it('finds no access in an answer that lists none', async () => {
    const { session } = fakeApiSession(() => ({ accesses: { id: 'x', type: 'app' } }))
    expect(await loadAccesses(session.connection)).toEqual([])
  })
})
