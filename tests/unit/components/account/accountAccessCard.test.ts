import { mount, RouterLinkStub } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import AccountAccessCard from '@/components/account/AccountAccessCard.vue'
import { i18n } from '@/i18n'
import { loadAccountAreaMessages } from '@/i18n/accountAreaMessages'
import { groupAccesses } from '@/services/account/accessGroups'
import { allRecords, now } from '../../services/account/accessFixtures'

beforeAll(loadAccountAreaMessages)

const groups = groupAccesses(allRecords, 'p-web', now)

function mountCard(key: string) {
  const group = groups.find((candidate) => candidate.main.id === key)
  if (!group) throw new Error(key)
  return mount(AccountAccessCard, {
    props: { group, records: allRecords, streamNames: new Map([['diary', 'My diary']]), now },
    global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } },
  })
}

describe('AccountAccessCard', () => {
  it("says what an app may do with the person's own names, when it was given and by what, and what it created", () => {
    const card = mountCard('app-diary')
    expect(card.get('h3').text()).toBe('diary-app')
    expect(card.get('.permission-list').text()).toBe('Read and add to “My diary”')
    expect(card.get('.access-facts').text()).toContain(
      'Given last month while you were signed in to pryv-app-web-auth-3',
    )
    expect(card.get('.access-facts').text()).toContain('Last used 2 hours ago')
    expect(card.get('.access-created summary').text()).toBe('Accesses it created (3)')
    expect(card.findAllComponents(RouterLinkStub).map((link) => link.props('to'))).toContainEqual({
      name: 'account',
      params: { section: ['apps', 'app-diary'] },
    })
  })

  it('offers the removal, named by the card for screen readers, and asks for it by the group', async () => {
    const card = mountCard('link')
    const remove = card.findAll('button').find((button) => button.text() === 'Remove access')
    expect(remove?.attributes('aria-describedby')).toBe(card.get('h3').attributes('id'))
    await remove?.trigger('click')
    expect(card.emitted('remove')).toEqual([['link']])
  })

  it('offers "Sign out" instead for the page own session, and says it is this page', async () => {
    const card = mountCard('p-web')
    expect(card.text()).toContain('This page: the session you are using now.')
    expect(card.findAll('button').map((button) => button.text())).toEqual(['Sign out'])
    await card.get('button').trigger('click')
    expect(card.emitted('signOut')).toHaveLength(1)
  })

  it("names an OAuth client's open sessions and the app account it was given to", () => {
    expect(mountCard('oauth-grant').get('.access-kind').text()).toBe(
      'OAuth 2.0 client · 1 session open · Given to acme on pryv.example',
    )
  })
})
