// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { creatorOf, findGroup, groupAccesses, isExpired } from '@/services/account/accessGroups'
import { allRecords, now, records } from './accessFixtures'

const groups = groupAccesses(allRecords, 'p-web', now)
const byKey = (key: string) => groups.find((group) => group.main.id === key)

describe('groupAccesses', () => {
  it('names each kind of access as the person thinks of it, in the order they are listed', () => {
    expect(groups.map((group) => [group.kind, group.title])).toEqual([
      ['app', 'diary-app'],
      ['app', 'old-fitness-app'],
      ['oauth-client', 'acme-sleep'],
      ['cmc-grant', 'demo-study'],
      ['shared-link', 'For my physiotherapist'],
      ['invitation', '__cmc-cap-ab12cd34'],
      ['personal', 'pryv-app-web-auth-3'],
      ['personal', 'pryv-mobile-app'],
    ])
  })

  it("groups an OAuth client's grant and session rows under the client, shown by its grant", () => {
    const client = byKey('oauth-grant')
    expect(client?.members.map((member) => member.id)).toEqual(['oauth-grant', 'oauth-1', 'oauth-2'])
    expect(client?.party).toEqual({ username: 'acme', host: 'pryv.example' })
    expect(client?.lastUsed).toBe(now - 60)
    expect(client?.expired).toBe(false)
  })

  it('groups session rows whose grant is not listed by their client id', () => {
    const [client] = groupAccesses([records.oauthSession1, records.oauthSession2], null, now)
    expect([client?.kind, client?.title, client?.main.id]).toEqual(['oauth-client', 'acme-sleep', 'oauth-1'])
  })

  it('shows what an app created under it, at any depth, and never on its own', () => {
    expect(byKey('app-diary')?.created.map((record) => record.id)).toEqual([
      'share-diary',
      'share-diary-old',
      'share-grand',
    ])
    expect(groups.some((group) => group.members.some((member) => member.createdBy === 'app-diary'))).toBe(false)
  })

  it('marks the page own session, and only it', () => {
    expect(groups.filter((group) => group.own).map((group) => group.main.id)).toEqual(['p-web'])
    expect(groupAccesses(allRecords, null, now).some((group) => group.own)).toBe(false)
  })

  it('knows an invitation by its kind, its role or its name', () => {
    const kinds = groupAccesses(
      [
        { ...records.invitation, id: 'a', name: 'x' },
        { ...records.invitation, id: 'b', name: 'y', cmc: { role: 'capability' } },
        { ...records.invitation, id: 'c', cmc: {} },
      ],
      null,
      now,
    ).map((group) => group.kind)
    expect(kinds).toEqual(['invitation', 'invitation', 'invitation'])
  })

  it('calls a group expired only when every access in it has expired', () => {
    expect(byKey('app-old')?.expired).toBe(true)
    expect(byKey('link')?.expired).toBe(false)
    const [sessionsOnly] = groupAccesses([records.oauthSession2], null, now)
    expect(sessionsOnly?.expired).toBe(true)
    expect(isExpired({ ...records.sharedLink, expires: now }, now)).toBe(true)
  })
})

describe('findGroup', () => {
  it('finds a group by its main access, a member or one it created', () => {
    expect(findGroup(groups, 'oauth-2')?.main.id).toBe('oauth-grant')
    expect(findGroup(groups, 'share-grand')?.main.id).toBe('app-diary')
    expect(findGroup(groups, 'nope')).toBeUndefined()
  })
})

describe('creatorOf', () => {
  it('tells a sign-in, an app and the platform apart', () => {
    expect(creatorOf(records.diaryApp, allRecords)).toEqual({ by: 'session', name: 'pryv-app-web-auth-3' })
    expect(creatorOf(records.diaryShare, allRecords)).toEqual({ by: 'app', name: 'diary-app' })
    expect(creatorOf(records.ownSession, allRecords)).toEqual({ by: 'platform' })
    expect(creatorOf(records.expiredApp, allRecords)).toBeNull()
  })
})
