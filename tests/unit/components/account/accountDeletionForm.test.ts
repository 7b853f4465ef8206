import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import AccountDeletionForm from '@/components/account/AccountDeletionForm.vue'
import AccountDeletionHelp from '@/components/account/AccountDeletionHelp.vue'
import { i18n } from '@/i18n'
import { loadAccountDataMessages } from '@/i18n/accountDataMessages'
import { AppError } from '@/services/appError'

beforeAll(loadAccountDataMessages)

function mountForm(error: AppError | null = null) {
  return mount(AccountDeletionForm, {
    props: { username: 'alice', busy: false, error },
    global: { plugins: [i18n] },
  })
}

describe('AccountDeletionForm', () => {
  it('says what is missing when pressed too early, and sends nothing', async () => {
    const wrapper = mountForm()
    await wrapper.get('form').trigger('submit')
    expect(wrapper.text()).toContain('Type alice exactly as shown.')
    expect(wrapper.text()).toContain('Enter your current password.')
    await wrapper.get('input[autocomplete="off"]').setValue('Alice')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('submit')).toBeUndefined()
  })

  it('sends the name and the password once the name is the account’s', async () => {
    const wrapper = mountForm()
    await wrapper.get('input[autocomplete="off"]').setValue('alice')
    await wrapper.get('input[autocomplete="current-password"]').setValue('secret')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('submit')).toEqual([['alice', 'secret']])
  })

  it('shows a wrong password by its field, a refusal nowhere (the section says it), other errors in the alert', async () => {
    expect(mountForm(new AppError('invalid-credentials')).text()).toContain('This password is not right.')
    expect(mountForm(new AppError('deletion-refused')).text()).not.toContain('The platform refused')
    expect(mountForm(new AppError('network')).find('[role="alert"]').exists()).toBe(true)
  })
})

describe('AccountDeletionHelp', () => {
  const mountHelp = (support: string | null, terms: string | null) =>
    mount(AccountDeletionHelp, {
      props: { help: { support, terms }, platform: 'Pryv Lab' },
      global: { plugins: [i18n] },
    })

  it('links to the platform’s support and terms', () => {
    const links = mountHelp('https://example.com/help', 'https://example.com/terms').findAll('a')
    expect(links.map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['Contact Pryv Lab support', 'https://example.com/help'],
      ['Terms of use of Pryv Lab', 'https://example.com/terms'],
    ])
  })

  it('names the operators when the platform gives no support link', () => {
    const wrapper = mountHelp(null, null)
    expect(wrapper.findAll('a')).toHaveLength(0)
    expect(wrapper.text()).toBe('To have yours deleted, ask the people who run Pryv Lab.')
  })
})
