import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import CmcScopeChanges from '@/components/cmc/CmcScopeChanges.vue'
import CmcScopeUpdatePanel from '@/components/cmc/CmcScopeUpdatePanel.vue'
import { i18n, loadAccountMessages } from '@/i18n'
import { loadCmcScopeUpdateMessages } from '@/i18n/cmcScopeUpdateMessages'

beforeAll(() => Promise.all([loadAccountMessages(), loadCmcScopeUpdateMessages()]))

const diff = {
  added: [
    { streamId: 'steps', level: 'contribute', defaultName: 'Steps' },
    { feature: 'selfRevoke', setting: 'forbidden' },
  ],
  removed: [],
  kept: [{ streamId: '*', level: 'read' }],
}

describe('CmcScopeChanges', () => {
  it('shows three groups, each a region named by its heading, in the permission words of the consent pages', () => {
    const wrapper = mount(CmcScopeChanges, { props: { diff }, global: { plugins: [i18n] } })
    const groups = wrapper.findAll('section')
    expect(groups.map((group) => wrapper.find(`[id="${group.attributes('aria-labelledby')}"]`).text())).toEqual([
      'Added (2)',
      'Removed (0)',
      'Unchanged (1)',
    ])
    expect(groups.map((group) => group.findAll('li').map((item) => item.text()))).toEqual([
      ['Read and add to “Steps”', 'The app cannot revoke its own access.'],
      [],
      ['Read all your data'],
    ])
    expect(groups[1]?.text()).toContain('Nothing')
  })
})

describe('CmcScopeUpdatePanel', () => {
  const request = {
    id: 'request-1',
    streamId: ':_cmc:apps:study:collectors:x',
    newPermissions: [],
    message: { en: 'Also steps?', fr: 'Aussi les pas ?' },
    requester: 'demo-study@pryv.example',
  }
  const answer = { busyAction: null, error: null, accept: vi.fn(), refuse: vi.fn() }
  const mountPanel = () =>
    mount(CmcScopeUpdatePanel, {
      props: {
        request,
        diff,
        username: 'alice',
        destination: { kind: 'address' as const, host: 'app.example', flag: null },
        answer,
      },
      global: { plugins: [i18n] },
    })

  it("shows the requester's message and where the answer goes, and sends the typed reason with Refuse in the page's language", async () => {
    const wrapper = mountPanel()
    expect(wrapper.find('blockquote').text()).toBe('Also steps?')
    expect(wrapper.text()).toContain('Your answer goes to app.example.')
    const reason = wrapper.find('textarea')
    expect(wrapper.find(`label[for="${reason.attributes('id')}"]`).text()).toBe('Reason for refusing (optional)')
    await reason.setValue('Not now')
    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Refuse')
      ?.trigger('click')
    expect(answer.refuse).toHaveBeenCalledExactlyOnceWith('Not now', 'en')
    expect(answer.accept).not.toHaveBeenCalled()
  })
})
