import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import AccountRemoveDialog from '@/components/account/AccountRemoveDialog.vue'
import { i18n } from '@/i18n'
import { loadAccountAreaMessages } from '@/i18n/accountAreaMessages'
import type { RevokePlan } from '@/services/account/revokePlan'
import { AppError } from '@/services/appError'

beforeAll(async () => {
  await loadAccountAreaMessages()
  // jsdom has <dialog> but may lack its modal behaviour: the test checks what the dialog says and emits.
  HTMLDialogElement.prototype.showModal ??= vi.fn()
  HTMLDialogElement.prototype.close ??= vi.fn()
})

const base: RevokePlan = {
  key: 'app-diary',
  kind: 'app',
  title: 'diary-app',
  ids: ['app-diary'],
  createdGoing: [],
  webhooks: [],
  sessions: 0,
  toldParty: null,
  sessionLivesOn: false,
}

function lines(plan: Partial<RevokePlan>, props: { busy?: boolean; error?: AppError | null } = {}) {
  const wrapper = mount(AccountRemoveDialog, {
    props: { plan: { ...base, ...plan }, busy: props.busy ?? false, error: props.error ?? null, partial: null },
    global: { plugins: [i18n] },
  })
  return { wrapper, said: wrapper.findAll('li').map((item) => item.text()) }
}

describe('AccountRemoveDialog', () => {
  it('names, in words, everything that goes with an app', () => {
    const { wrapper, said } = lines({
      createdGoing: [{ id: 's', type: 'shared', name: 'diary-share-with-doctor', permissions: [] }],
      webhooks: [
        { id: 'w1', accessId: 'app-diary', host: 'hooks.example.com' },
        { id: 'w2', accessId: 's', host: 'hooks.example.com' },
      ],
    })
    expect(wrapper.get('h2').text()).toBe('Remove the access of “diary-app”?')
    expect(said).toEqual([
      'diary-app can no longer read or change your data: its key stops working at once.',
      'The access it created goes with it: “diary-share-with-doctor”.',
      'Its 2 webhooks, which call hooks.example.com, are deleted too.',
    ])
  })

  it("says an OAuth client's sessions end, and who is told", () => {
    const { said } = lines({
      kind: 'oauth-client',
      title: 'acme-sleep',
      sessions: 2,
      webhooks: null,
      toldParty: { username: 'acme', host: 'pryv.example' },
    })
    expect(said).toEqual([
      'acme-sleep can no longer read or change your data: its key stops working at once.',
      'Its 2 open sessions end at once, and it cannot open new ones.',
      'Any webhook it set up is deleted too.',
      'acme on pryv.example is told that you withdrew it.',
    ])
  })

  it("says plainly that removing another app's session does not sign it out", () => {
    const { said } = lines({ kind: 'personal', title: 'pryv-mobile-app', sessionLivesOn: true })
    expect(said).toEqual([
      'This removes the entry only: pryv-mobile-app stays signed in until its session ends or it signs out, and if it signs in again before then, the entry comes back.',
    ])
  })

  it('says an invitation link stops working', () => {
    expect(lines({ kind: 'invitation' }).said[0]).toBe(
      'The invitation link stops working: nobody can use it to ask you to share data any more.',
    )
  })

  it('removes or keeps on a click, keeps on Escape, and ignores Escape while removing', async () => {
    const { wrapper } = lines({})
    const [remove, keep] = wrapper.findAll('button')
    await remove?.trigger('click')
    await keep?.trigger('click')
    await wrapper.get('dialog').trigger('cancel')
    expect([wrapper.emitted('confirm')?.length, wrapper.emitted('cancel')?.length]).toEqual([1, 2])
    const busy = lines({}, { busy: true }).wrapper
    await busy.get('dialog').trigger('cancel')
    expect(busy.emitted('cancel')).toBeUndefined()
    expect(busy.findAll('button').every((button) => button.attributes('disabled') !== undefined)).toBe(true)
  })

  it("shows the platform's refusal in the dialog", () => {
    const { wrapper } = lines({}, { error: new AppError('forbidden') })
    expect(wrapper.get('[role="alert"]').text()).toContain(i18n.global.t('error.forbidden'))
  })
})
