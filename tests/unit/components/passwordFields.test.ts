import { mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import { describe, expect, it } from 'vitest'
import BaseNewPasswordFields from '@/components/base/BaseNewPasswordFields.vue'
import BasePasswordField from '@/components/base/BasePasswordField.vue'
import { i18n } from '@/i18n'

const global = { plugins: [i18n] }

describe('BasePasswordField', () => {
  it('is labelled, hidden by default, and shows its text while the toggle is pressed', async () => {
    const wrapper = mount(BasePasswordField, {
      props: { label: 'Password', autocomplete: 'current-password', modelValue: 'secret-1' },
      global,
    })
    const input = wrapper.get('input')
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Password')
    expect(input.attributes('type')).toBe('password')
    expect(input.attributes('autocomplete')).toBe('current-password')
    const toggle = wrapper.get('button')
    expect(toggle.attributes('type')).toBe('button')
    await toggle.trigger('click')
    expect([input.attributes('type'), toggle.attributes('aria-pressed')]).toEqual(['text', 'true'])
    await toggle.trigger('click')
    expect([input.attributes('type'), toggle.attributes('aria-pressed')]).toEqual(['password', 'false'])
  })

  it('warns about Caps Lock as the user types, tied to the field', async () => {
    const wrapper = mount(BasePasswordField, {
      props: { label: 'Password', autocomplete: 'current-password', modelValue: '' },
      global,
    })
    const input = wrapper.get('input')
    await input.trigger('keydown', { key: 'A', modifierCapsLock: true })
    const hintId = input.attributes('aria-describedby')
    expect(wrapper.get(`#${hintId}`).text()).toBe('Caps Lock is on.')
    await input.trigger('keyup', { key: 'a', modifierCapsLock: false })
    expect(input.attributes('aria-describedby')).toBeUndefined()
  })
})

function mountNewPassword() {
  const chosen = ref('unset')
  const Host = defineComponent(
    () => () =>
      h(BaseNewPasswordFields, {
        modelValue: chosen.value,
        'onUpdate:modelValue': (value: string) => (chosen.value = value),
      }),
  )
  const wrapper = mount(Host, { global })
  const [password, confirmation] = wrapper.findAll('input')
  if (!password || !confirmation) throw new Error('two password inputs expected')
  return { wrapper, password, confirmation, chosen }
}

describe('BaseNewPasswordFields', () => {
  it('gives the password only once both fields agree, with new-password autocomplete', async () => {
    const { password, confirmation, chosen } = mountNewPassword()
    expect([password.attributes('autocomplete'), confirmation.attributes('autocomplete')]).toEqual([
      'new-password',
      'new-password',
    ])
    await password.setValue('long-enough-1')
    expect(chosen.value).toBe('')
    await confirmation.setValue('long-enough-1')
    expect(chosen.value).toBe('long-enough-1')
    await password.setValue('long-enough-2')
    expect(chosen.value).toBe('')
  })

  it('says the passwords differ as soon as the confirmation is as long, not at its first letter', async () => {
    const { wrapper, password, confirmation } = mountNewPassword()
    await password.setValue('abcdef')
    await confirmation.setValue('abc')
    expect(wrapper.text()).not.toContain('The two passwords are not the same.')
    await confirmation.setValue('abcdeX')
    expect(wrapper.text()).toContain('The two passwords are not the same.')
    expect(confirmation.attributes('aria-invalid')).toBe('true')
    await confirmation.setValue('abcdef')
    expect(wrapper.text()).not.toContain('The two passwords are not the same.')
  })
})
