import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import ConsentOfferForm from '@/components/consent/ConsentOfferForm.vue'
import ConsentOfferPermissions from '@/components/consent/ConsentOfferPermissions.vue'
import type { OfferAnswer } from '@/components/consent/offerAnswer'
import { i18n, loadAccountMessages } from '@/i18n'
import { AppError } from '@/services/appError'
import { describePermission } from '@/services/permissionView'

beforeAll(loadAccountMessages)

const answerWith = (state: Partial<OfferAnswer> = {}): OfferAnswer => ({
  busyAction: null,
  error: null,
  accept: vi.fn(),
  refuse: vi.fn(),
  ...state,
})

const mountForm = (answer: OfferAnswer, allowUserChoice?: boolean) =>
  mount(ConsentOfferForm, {
    props: { texts: 'oauthConsent', offer: { requester: 'Diary app', allowUserChoice }, username: 'alice', answer },
    slots: { default: '<p class="offer-body">What the offer shows</p>' },
    global: { plugins: [i18n] },
  })

const buttons = (wrapper: ReturnType<typeof mountForm>) => {
  const all = wrapper.findAll('button')
  return { accept: all.find((button) => button.attributes('type') === 'submit'), refuse: all.at(-1) }
}

describe('ConsentOfferForm', () => {
  it('names the requester and the person from its i18n group, shows the offer, and answers through the flow', async () => {
    const answer = answerWith()
    const wrapper = mountForm(answer, true)
    expect(wrapper.get('h1').text()).toBe(i18n.global.t('oauthConsent.consentTitle', { requester: 'Diary app' }))
    expect(wrapper.text()).toContain(i18n.global.t('oauthConsent.signedInAs', { username: 'alice' }))
    expect(wrapper.find('.offer-body').exists()).toBe(true)
    const { accept, refuse } = buttons(wrapper)
    expect([accept?.text(), refuse?.text()]).toEqual([
      i18n.global.t('oauthConsent.accept'),
      i18n.global.t('oauthConsent.refuse'),
    ])
    await wrapper.get('form').trigger('submit')
    await refuse?.trigger('click')
    expect(answer.accept).toHaveBeenCalledOnce()
    expect(answer.refuse).toHaveBeenCalledOnce()
  })

  it('says "accept all" for an offer without a choice', () => {
    expect(buttons(mountForm(answerWith(), false)).accept?.text()).toBe(i18n.global.t('oauthConsent.acceptAll'))
  })

  it('keeps Accept unusable while nothing can be accepted or a refusal runs, and Refuse while any answer runs', () => {
    const nothingTicked = buttons(mountForm(answerWith({ canAccept: false })))
    expect([nothingTicked.accept?.attributes('disabled'), nothingTicked.refuse?.attributes('disabled')]).toEqual([
      '',
      undefined,
    ])
    const refusing = buttons(mountForm(answerWith({ busyAction: 'refuse' })))
    expect([refusing.accept?.attributes('disabled'), refusing.refuse?.attributes('disabled')]).toEqual(['', ''])
    const accepting = buttons(mountForm(answerWith({ busyAction: 'accept' })))
    expect(accepting.refuse?.attributes('disabled')).toBe('')
  })

  it('shows what the platform answered, and its "Try again" accepts again', async () => {
    const answer = answerWith({ error: new AppError('network') })
    const wrapper = mountForm(answer)
    expect(wrapper.get('[role="alert"]').text()).toContain(i18n.global.t('error.network'))
    const retry = wrapper.findAll('button').find((button) => button.text() === i18n.global.t('action.retry'))
    await retry?.trigger('click')
    expect(answer.accept).toHaveBeenCalledOnce()
  })
})

describe('ConsentOfferPermissions', () => {
  const rows = [
    {
      permission: describePermission({ streamId: 'health', level: 'read', defaultName: 'Health' }),
      locked: true,
      ticked: true,
    },
    {
      permission: describePermission({ streamId: 'diary', level: 'read', defaultName: 'Diary' }),
      locked: false,
      ticked: true,
    },
  ]
  const mountList = (allowUserChoice: boolean) =>
    mount(ConsentOfferPermissions, {
      props: { texts: 'oauthConsent', rows, allowUserChoice },
      global: { plugins: [i18n] },
    })

  it('labels the list with its heading and offers a checkbox per entry, the mandatory one locked with its reason', async () => {
    const wrapper = mountList(true)
    const list = wrapper.get('ul')
    expect(wrapper.get(`[id="${list.attributes('aria-labelledby')}"]`).text()).toBe(
      i18n.global.t('oauthConsent.permissionsLabel'),
    )
    expect(wrapper.text()).toContain(i18n.global.t('oauthConsent.choiceIntro'))
    expect(wrapper.text()).toContain(i18n.global.t('oauthConsent.required'))
    await wrapper.findAll('input[type="checkbox"]')[1]?.setValue(false)
    expect(wrapper.emitted('toggle')).toEqual([[1, false]])
  })

  it('says all or nothing, with no checkbox, when the offer gives no choice', () => {
    const wrapper = mountList(false)
    expect(wrapper.text()).toContain(i18n.global.t('oauthConsent.allOrNothing'))
    expect(wrapper.findAll('input')).toHaveLength(0)
  })
})
