import { mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import AccountCurrentPasswordField from '@/components/account/AccountCurrentPasswordField.vue'
import { i18n } from '@/i18n'
import { loadAccountProfileMessages } from '@/i18n/accountProfileMessages'
import { AppError } from '@/services/appError'

beforeAll(loadAccountProfileMessages)

function mountField(missing: boolean, error: AppError | null) {
  return mount(AccountCurrentPasswordField, {
    props: { label: 'Your password', missing, error, modelValue: '' },
    global: { plugins: [i18n] },
  })
}

const errorText = (field: ReturnType<typeof mountField>) => field.find('.field-error').text()

describe('AccountCurrentPasswordField', () => {
  it('says an empty password is needed, before any platform answer', () => {
    expect(errorText(mountField(true, new AppError('invalid-credentials')))).toBe('Enter your current password.')
  })

  it("says the platform's refusal of the password on the field", () => {
    expect(errorText(mountField(false, new AppError('invalid-credentials')))).toBe('This is not your current password.')
  })

  it('says the refusal in the words of a form that says more', () => {
    const field = mount(AccountCurrentPasswordField, {
      props: {
        label: 'Password',
        missing: false,
        error: new AppError('invalid-credentials'),
        refusedText: 'Not deleted.',
        modelValue: '',
      },
      global: { plugins: [i18n] },
    })
    expect(errorText(field)).toBe('Not deleted.')
  })

  it("leaves any other error to the form, and takes the browser's saved password", () => {
    const field = mountField(false, new AppError('network'))
    expect(field.find('.field-error').exists()).toBe(false)
    expect(field.get('input').attributes('autocomplete')).toBe('current-password')
  })
})
