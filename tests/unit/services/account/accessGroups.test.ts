// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { accessKinds, creatorOf, findGroup, groupAccesses, isExpired } from '@/services/account/accessGroups'
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

/** Every order the platform may list the given accesses in. */
function everyOrder<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((item, index) =>
    everyOrder([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  )
}

describe('groupAccesses, the edges', () => {
  it('lists every kind it gives a group under, so the page has a section for each', () => {
    expect(groups.filter((group) => !accessKinds.includes(group.kind))).toEqual([])
  })

  it('takes only app rows named "oauth:" for OAuth sessions: a link may be called so', () => {
    const link = { ...records.sharedLink, name: 'oauth:acme-sleep' }
    const found = groupAccesses([link, records.oauthSession1], null, now)
    expect(found.map((group) => [group.kind, group.title, group.members.map((member) => member.id)])).toEqual([
      ['oauth-client', 'acme-sleep', ['oauth-1']],
      ['shared-link', 'oauth:acme-sleep', ['link']],
    ])
  })

  it('shows an OAuth client by its grant whatever order its rows are listed in', () => {
    for (const order of everyOrder([records.oauthSession1, records.oauthGrant, records.oauthSession2])) {
      const [client] = groupAccesses(order, null, now)
      expect([client?.main.id, client?.title, client?.party]).toEqual([
        'oauth-grant',
        'acme-sleep',
        { username: 'acme', host: 'pryv.example' },
      ])
    }
  })

  it('gives the latest use of any member, and none when no member was used', () => {
    const sessions = [
      { ...records.oauthSession1, lastUsed: now - 600 },
      { ...records.oauthSession2, lastUsed: now - 30 },
      { ...records.oauthSession1, id: 'oauth-3', lastUsed: now - 9000 },
    ]
    expect(groupAccesses(sessions, null, now)[0]?.lastUsed).toBe(now - 30)
    expect(byKey('link')?.lastUsed).toBeUndefined()
    expect(byKey('cap')?.lastUsed).toBeUndefined()
  })

  it('titles a CMC grant by its requester, and by its own name when the requester is not known', () => {
    const [grant] = groupAccesses([{ ...records.cmcGrant, cmc: { role: 'counterparty' } }], null, now)
    expect([grant?.kind, grant?.title, grant?.party]).toEqual(['cmc-grant', records.cmcGrant.name, undefined])
  })

  it('titles an app by its own name even when it is marked with a CMC party', () => {
    const marked = { ...records.diaryApp, cmc: { role: 'requester', counterparty: { username: 'bob', host: 'h' } } }
    const [app] = groupAccesses([marked], null, now)
    expect([app?.kind, app?.title]).toEqual(['app', 'diary-app'])
  })

  it('lists nothing under a personal session: what it made is listed on its own', () => {
    expect(groups.filter((group) => group.kind === 'personal').map((group) => group.created)).toEqual([[], []])
    expect(byKey('app-diary')).toBeDefined()
    expect(byKey('oauth-grant')?.created).toEqual([])
  })

  it("puts the page's own session first among the sessions, whatever order they are listed in", () => {
    for (const order of everyOrder([records.mobileSession, records.ownSession])) {
      expect(groupAccesses(order, 'p-web', now).map((group) => group.main.id)).toEqual(['p-web', 'p-mobile'])
    }
  })

  it('lists the most recently used first within a kind, by creation when never used, whatever the order', () => {
    const usedLongAgoMadeEarlier = { ...records.sharedLink, id: 'a', lastUsed: now - 100, created: now - 900_000 }
    const neverUsedMadeLately = { ...records.sharedLink, id: 'b', created: now - 500 }
    const neverUsedNoDate = { ...records.sharedLink, id: 'c' }
    const usedLately = { ...records.sharedLink, id: 'd', lastUsed: now - 10, created: now - 800_000 }
    for (const order of everyOrder([usedLongAgoMadeEarlier, neverUsedMadeLately, neverUsedNoDate, usedLately])) {
      expect(groupAccesses(order, null, now).map((group) => group.main.id)).toEqual(['d', 'a', 'b', 'c'])
    }
  })
})
