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
})

describe('loadAccesses', () => {
  it('asks for every access, expired ones included, in one call, and keeps them token-free', async () => {
    const { session, calls } = fakeApiSession(() => ({ accesses: [row, { id: 'x', type: 'bogus' }] }))
    const accesses = await loadAccesses(session.connection)
    expect(calls).toEqual([{ method: 'accesses.get', params: { includeExpired: true } }])
    expect(accesses.map((access) => access.id)).toEqual(['app-diary'])
    expect(JSON.stringify(accesses)).not.toContain(token)
  })
})
