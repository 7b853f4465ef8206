import { mount } from '@vue/test-utils'
import pryv from 'pryv'
import { describe, expect, it } from 'vitest'
import BaseErrorAlert from '@/components/base/BaseErrorAlert.vue'
import { i18n } from '@/i18n'
import { toAppError, type AppErrorCode } from '@/services/appError'

// Every id of the platform's catalogue and what the person is told, whatever the call.
// A call may still read an id its own way (e.g. `invalid-operation` on mfa/verify is a wrong code).
// Each code has a message in every locale: tests/unit/i18n/locales.test.ts.
const expected: Record<string, AppErrorCode> = {
  'api-unavailable': 'server',
  'corrupted-data': 'server',
  'unexpected-error': 'server',
  forbidden: 'forbidden',
  'denied-stream-access': 'forbidden',
  'too-high-access-for-account-stream': 'forbidden',
  'forbidden-multiple-account-streams-events': 'forbidden',
  'forbidden-none-editable-account-streams': 'forbidden',
  'forbidden-change-account-streams-id': 'forbidden',
  'forbidden-to-edit-noneditable-account-fields': 'forbidden',
  'invalid-access-token': 'session-expired',
  'invalid-credentials': 'invalid-credentials',
  'unknown-user': 'invalid-credentials',
  'unknown-email': 'invalid-credentials',
  'unsupported-operation': 'unsupported',
  'invalid-method': 'unsupported',
  'removed-method': 'unsupported',
  'unavailable-method': 'unsupported',
  'invalid-event-type': 'invalid-request',
  'invalid-item-id': 'invalid-request',
  'invalid-operation': 'invalid-request',
  'invalid-parameters-format': 'invalid-request',
  'invalid-request-structure': 'invalid-request',
  'item-already-exists': 'invalid-request',
  'missing-header': 'invalid-request',
  'unknown-referenced-resource': 'invalid-request',
  'unknown-resource': 'invalid-request',
  'unsupported-content-type': 'invalid-request',
  'too-many-results': 'invalid-request',
  'invitationToken-invalid': 'invalid-request',
  'username-invalid': 'invalid-request',
  'username-required': 'invalid-request',
  'email-invalid': 'invalid-request',
  'email-required': 'invalid-request',
  'language-invalid': 'invalid-request',
  'appid-invalid': 'invalid-request',
  'password-invalid': 'invalid-request',
  'password-required': 'invalid-request',
  'referer-invalid': 'invalid-request',
  'missing-required-field': 'invalid-request',
  'newPassword-required': 'invalid-request',
}

function platformAnswer(status: number, id: string, message: string) {
  return { status, response: { status, body: { error: { id, message } } } }
}

describe('platform error ids', () => {
  it('lists every id of the pryv library\'s catalogue, and only those', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.values(pryv.ERRORS).sort())
  })

  it.each(Object.entries(expected))('%s is told as %s, with the platform\'s words kept as details', (id, code) => {
    const error = toAppError(platformAnswer(400, id, `Platform says ${id}`))
    expect(error.code).toBe(code)
    expect(error.details).toEqual([`Platform says ${id}`])
  })

  it('tells an unknown id by the status and keeps the platform\'s own text', () => {
    expect(toAppError(platformAnswer(400, 'brand-new-id', 'Quota of widgets reached'))).toMatchObject({ code: 'unknown', details: ['Quota of widgets reached'] })
    expect(toAppError(platformAnswer(503, 'brand-new-id', 'Down for upgrade'))).toMatchObject({ code: 'server', details: ['Down for upgrade'] })
  })

  it('shows an unknown id as our general message followed by the platform\'s text, as text', () => {
    const error = toAppError(platformAnswer(400, 'brand-new-id', 'Quota <b>reached</b>'))
    const wrapper = mount(BaseErrorAlert, { props: { error }, global: { plugins: [i18n] } })
    expect(wrapper.get('.alert-message').text()).toBe('Something went wrong. Try again.')
    expect(wrapper.get('.alert-details li').text()).toBe('Quota <b>reached</b>')
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.get('[role="alert"]').attributes('aria-live')).toBe('assertive')
  })
})
