import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import BaseNewPasswordFields from '@/components/base/BaseNewPasswordFields.vue'
import BaseTextField from '@/components/base/BaseTextField.vue'
import { i18n } from '@/i18n'

const global = { plugins: [i18n] }

// WCAG 4.1.3: what appears while the person types, away from any focus change, is announced.
describe('notes that change as the person types', () => {
  it('says that the two new passwords differ in a polite live region tied to the confirmation', async () => {
    const wrapper = mount(BaseNewPasswordFields, { props: { modelValue: '' }, global, attachTo: document.body })
    const [password, confirmation] = wrapper.findAll('input')
    await password?.setValue('long-enough-1')
    await confirmation?.setValue('long-enough-2')
    const message = wrapper.get(`#${confirmation?.attributes('aria-describedby') ?? 'none'}`)
    expect(message.text()).toBe('The two passwords are not the same.')
    expect(message.element.closest('[aria-live="polite"]')).not.toBeNull()
    wrapper.unmount()
  })

  it("leaves a plain field's notes out of any live region: its errors come with the focus", () => {
    const wrapper = mount(BaseTextField, {
      props: { label: 'Username', autocomplete: 'username', modelValue: '', error: 'Required.' },
      global,
    })
    expect(wrapper.find('[aria-live]').exists()).toBe(false)
  })
})
