// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { groupAccesses } from '@/services/account/accessGroups'
import { planRevoke, withoutRemoved } from '@/services/account/revokePlan'
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
