import { flushPromises, mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import HubSignInForm from '@/components/hub/HubSignInForm.vue'
import PasswordChangeForm from '@/components/password/PasswordChangeForm.vue'
import PasswordNewFields from '@/components/password/PasswordNewFields.vue'
import { i18n, loadAccountMessages } from '@/i18n'
import { AppError } from '@/services/appError'

// These forms belong to the account pages, whose messages the router loads with them.
beforeAll(loadAccountMessages)

const Blank = defineComponent({ render: () => null })

function routerWith(names: string[]) {
  const routes: RouteRecordRaw[] = names.map((name) => ({ path: `/${name}`, name, component: Blank }))
  return createRouter({ history: createMemoryHistory(), routes })
}

describe('PasswordNewFields', () => {
  const mountWith = (error: AppError | null, missing = false) =>
    mount(PasswordNewFields, { props: { modelValue: '', error, missing }, global: { plugins: [i18n] } })
  const firstFieldError = (error: AppError | null, missing = false) =>
    mountWith(error, missing).find('.field-error').text()

  it("shows the platform's words about the new password first, then its message, then ours", () => {
    expect(
      firstFieldError(
        new AppError('password-refused', ['Too weak', 'other'], { newPassword: 'At least 8 characters.' }),
      ),
    ).toBe('At least 8 characters.')
    expect(
      firstFieldError(new AppError('password-refused', ['The new password does not follow complexity rules'])),
    ).toBe('The new password does not follow complexity rules')
    expect(firstFieldError(new AppError('password-refused'))).toBe('The platform refused this password.')
  })

  it('says nothing for other errors, and asks for the password when it is missing', () => {
    expect(mountWith(new AppError('network')).find('.field-error').exists()).toBe(false)
    expect(firstFieldError(null, true)).toBe('Type the new password twice, the same both times.')
  })
})

describe('PasswordChangeForm', () => {
  it('names the missing fields and focuses the first one instead of submitting', async () => {
    const wrapper = mount(PasswordChangeForm, {
      props: { busy: false, error: null },
      global: { plugins: [i18n] },
      attachTo: document.body,
    })
    const [login] = wrapper.findAll('input')
    await login?.setValue('alice')
    await wrapper.find('form').trigger('submit')
    await flushPromises()

    expect(wrapper.emitted('submit')).toBeUndefined()
    const current = wrapper.get('input[autocomplete="current-password"]')
    expect(document.activeElement).toBe(current.element)
    expect(wrapper.text()).toContain('Enter your current password.')
    expect(wrapper.text()).not.toContain('Enter your username or e-mail.')
    wrapper.unmount()
  })

  it('focuses the new password when the platform refuses it, and keeps it out of the alert', async () => {
    const wrapper = mount(PasswordChangeForm, {
      props: { busy: false, error: null },
      global: { plugins: [i18n] },
      attachTo: document.body,
    })
    await wrapper.setProps({ error: new AppError('password-refused', ['Too short.']) })
    await flushPromises()

    expect(document.activeElement).toBe(wrapper.findAll('input[autocomplete="new-password"]')[0]?.element)
    expect(wrapper.get('[role="alert"]').text()).toBe('')
    wrapper.unmount()
  })
})

describe('HubSignInForm', () => {
  async function mountHub(routeNames: string[]) {
    const router = routerWith(routeNames)
    await router.push('/signinhub')
    return mount(HubSignInForm, { props: { busy: false, error: null }, global: { plugins: [i18n, router] } })
  }

  it('links to the password reset, to registration and to the account area', async () => {
    const wrapper = await mountHub(['signinhub', 'reset-password', 'register', 'account'])
    expect(wrapper.findAll('a').map((link) => [link.text(), link.attributes('href')])).toEqual([
      ['Forgot your password?', '/reset-password'],
      ['Create an account', '/register'],
      ['See and remove what can reach your data', '/account'],
    ])
  })

  it('submits the username or e-mail as typed', async () => {
    const wrapper = await mountHub(['signinhub', 'reset-password', 'register', 'account'])
    await wrapper.get('input').setValue('alice@example.com')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('submit')).toEqual([['alice@example.com']])
  })
})
