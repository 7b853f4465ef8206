// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { groupAccesses } from '@/services/account/accessGroups'
import { planRevoke, withoutRemoved } from '@/services/account/revokePlan'
import type { AccessRecord } from '@/services/account/accessRecords'
import type { WebhookRecord } from '@/services/account/webhooks'
import { allRecords, now, records } from './accessFixtures'

const groups = groupAccesses(allRecords, 'p-web', now)
const webhooks: WebhookRecord[] = [
  { id: 'w1', accessId: 'app-diary', host: 'hooks.example.com' },
  { id: 'w2', accessId: 'share-diary', host: 'doctor.example' },
  { id: 'w3', accessId: 'share-grand', host: 'grand.example' },
  { id: 'w4', accessId: 'link', host: 'elsewhere.example' },
]
const plan = (key: string, hooks: WebhookRecord[] | null = webhooks) => {
  const group = groups.find((candidate) => candidate.main.id === key)
  if (!group) throw new Error(key)
  return planRevoke(group, hooks, now)
}

describe('planRevoke', () => {
  it('offers no removal of the page own session: the person signs out instead', () => {
    expect(plan('p-web')).toBeNull()
  })

  it('says that an app takes the accesses it made (not expired ones, not theirs) and their webhooks', () => {
    const app = plan('app-diary')
    expect(app?.ids).toEqual(['app-diary'])
    expect(app?.createdGoing.map((record) => record.id)).toEqual(['share-diary'])
    expect(app?.webhooks?.map((webhook) => webhook.id)).toEqual(['w1', 'w2'])
    expect([app?.sessions, app?.toldParty, app?.sessionLivesOn]).toEqual([0, null, false])
  })

  it("removes an OAuth client's grant first, then every session row (counting the open ones), and tells its app account", () => {
    const client = plan('oauth-grant')
    expect(client?.ids).toEqual(['oauth-grant', 'oauth-1', 'oauth-2'])
    expect(client?.sessions).toBe(1)
    expect(client?.toldParty).toEqual({ username: 'acme', host: 'pryv.example' })
  })

  it('tells the requester of a CMC grant', () => {
    expect(plan('cmc-grant')?.toldParty).toEqual({ username: 'demo-study', host: 'pryv.example' })
  })

  it("says another app's session lives on, and takes nothing with it", () => {
    const session = plan('p-mobile')
    expect([session?.ids, session?.sessionLivesOn, session?.createdGoing]).toEqual([['p-mobile'], true, []])
  })

  it('names the webhooks of a link, and says "any" when they could not be listed', () => {
    expect(plan('link')?.webhooks).toEqual([webhooks[3]])
    expect(plan('link', null)?.webhooks).toBeNull()
  })
})

describe('withoutRemoved', () => {
  it('leaves out the removed accesses and those removed with them', () => {
    const left = withoutRemoved(allRecords, ['app-diary', 'share-diary'])
    expect(left.map((record) => record.id)).not.toContain('share-diary')
    expect(left).toHaveLength(allRecords.length - 2)
    expect(left).toContain(records.diaryShareExpired)
  })
})

/** Every order the platform may list the given accesses in. */
function everyOrder<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((item, index) =>
    everyOrder([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  )
}

const planFor = (listed: AccessRecord[]) => {
  const [group] = groupAccesses(listed, null, now)
  if (!group) throw new Error('no group')
  return planRevoke(group, [], now)
}

describe('planRevoke, the edges', () => {
  it("removes an OAuth client's grant first whatever order its rows are listed in, then the sessions as listed", () => {
    for (const order of everyOrder([records.oauthSession1, records.oauthGrant, records.oauthSession2])) {
      const sessions = order.filter((record) => record !== records.oauthGrant).map((record) => record.id)
      expect(planFor(order)?.ids).toEqual(['oauth-grant', ...sessions])
    }
  })

  it('counts the open sessions of an OAuth client, with or without its grant listed', () => {
    const open2 = { ...records.oauthSession1, id: 'oauth-3' }
    const sessions = [records.oauthSession1, records.oauthSession2, open2]
    const withGrant = planFor([records.oauthGrant, ...sessions])
    expect([withGrant?.sessions, withGrant?.toldParty]).toEqual([2, { username: 'acme', host: 'pryv.example' }])
    const sessionsOnly = planFor(sessions)
    expect([sessionsOnly?.ids, sessionsOnly?.sessions, sessionsOnly?.toldParty]).toEqual([
      ['oauth-1', 'oauth-2', 'oauth-3'],
      2,
      null,
    ])
  })

  it('takes nothing with a personal session, even handed what it made: the platform keeps those', () => {
    const session = groups.find((group) => group.main.id === 'p-mobile')
    if (!session) throw new Error('p-mobile')
    const made = { ...records.diaryApp, id: 'app-mobile', createdBy: 'p-mobile' }
    const hooks = [...webhooks, { id: 'w5', accessId: 'app-mobile', host: 'mobile.example' }]
    const removal = planRevoke({ ...session, created: [made] }, hooks, now)
    expect([removal?.ids, removal?.createdGoing, removal?.webhooks]).toEqual([['p-mobile'], [], []])
  })
})
