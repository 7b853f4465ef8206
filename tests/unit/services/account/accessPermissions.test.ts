// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { givenPermissions } from '@/services/account/accessPermissions'
import { records } from './accessFixtures'

describe('givenPermissions', () => {
  it("leaves out the platform's own entries for this access, and only those", () => {
    const given = givenPermissions({
      ...records.diaryApp,
      permissions: [
        { streamId: 'diary', level: 'read' },
        { streamId: ':_system:account', level: 'none' },
        { streamId: ':_audit:access-app-diary', level: 'read' },
        { streamId: ':_audit:access-other', level: 'read' },
        { streamId: ':_system:account', level: 'read' },
        { streamId: ':_audit:access-app-diary', level: 'manage' },
      ],
    })
    expect(given).toEqual({
      permissions: [
        { streamId: 'diary', level: 'read' },
        { streamId: ':_audit:access-other', level: 'read' },
        { streamId: ':_system:account', level: 'read' },
        { streamId: ':_audit:access-app-diary', level: 'manage' },
      ],
      exchange: false,
    })
  })

  it("says a CMC grant's exchange streams are there, without listing them", () => {
    expect(givenPermissions(records.cmcGrant)).toEqual({
      permissions: [{ streamId: 'weight', level: 'read' }],
      exchange: true,
    })
  })
})

describe('givenPermissions, the edges', () => {
  it('keeps what the person forbade on their own streams and the features they set', () => {
    const permissions = [
      { streamId: 'diary', level: 'none' },
      { feature: 'selfRevoke', setting: 'forbidden' },
      { streamId: ':_cmc:apps:demo-study:chats:x', level: 'none' },
    ]
    expect(givenPermissions({ ...records.diaryApp, permissions })).toEqual({
      permissions: permissions.slice(0, 2),
      exchange: true,
    })
  })
})
