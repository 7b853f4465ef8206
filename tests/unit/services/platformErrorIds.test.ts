// @vitest-environment jsdom
import { mount } from '@vue/test-utils'
import pryv from 'pryv'
import { describe, expect, it } from 'vitest'
import BaseErrorAlert from '@/components/base/BaseErrorAlert.vue'
import { i18n } from '@/i18n'
import { toAppError, type AppErrorCode } from '@/services/appError'

// Every id of the platform's catalogue and what the person is told, whatever the call.
// A call may still read an id its own way (e.g. `invalid-operation` on mfa/verify is a wrong code).
// Each code has a message in every locale: tests/unit/i18n/locales.test.ts.
const idsByCode: Partial<Record<AppErrorCode, string[]>> = {
  server: ['api-unavailable', 'corrupted-data', 'unexpected-error'],
  forbidden: [
    'forbidden',
    'denied-stream-access',
    'too-high-access-for-account-stream',
    'forbidden-multiple-account-streams-events',
    'forbidden-none-editable-account-streams',
    'forbidden-change-account-streams-id',
    'forbidden-to-edit-noneditable-account-fields',
  ],
  'session-expired': ['invalid-access-token'],
  'invalid-credentials': ['invalid-credentials', 'unknown-user', 'unknown-email'],
  unsupported: ['unsupported-operation', 'invalid-method', 'removed-method', 'unavailable-method'],
  'invalid-request': [
    'invalid-event-type',
    'invalid-item-id',
    'invalid-operation',
    'invalid-parameters-format',
    'invalid-request-structure',
    'item-already-exists',
    'missing-header',
    'unknown-referenced-resource',
    'unknown-resource',
    'unsupported-content-type',
    'too-many-results',
    'invitationToken-invalid',
    'username-invalid',
    'username-required',
    'email-invalid',
    'email-required',
    'language-invalid',
    'appid-invalid',
    'password-invalid',
    'password-required',
    'referer-invalid',
    'missing-required-field',
    'newPassword-required',
  ],
}
const expected = Object.entries(idsByCode).flatMap(([code, ids]) => (ids ?? []).map((id) => [id, code] as const))

function platformAnswer(status: number, id: string, message: string) {
  return { status, response: { status, body: { error: { id, message } } } }
}

describe('platform error ids', () => {
  it("lists every id of the pryv library's catalogue, and only those", () => {
    expect(expected.map(([id]) => id).sort()).toEqual(Object.values(pryv.ERRORS).sort())
  })

  it.each(expected)("%s is told as %s, with the platform's words kept as details", (id, code) => {
    const error = toAppError(platformAnswer(400, id, `Platform says ${id}`))
    expect(error.code).toBe(code)
    expect(error.details).toEqual([`Platform says ${id}`])
  })

  it("tells an unknown id by the status and keeps the platform's own text", () => {
    expect(toAppError(platformAnswer(400, 'brand-new-id', 'Quota of widgets reached'))).toMatchObject({
      code: 'unknown',
      details: ['Quota of widgets reached'],
    })
    expect(toAppError(platformAnswer(503, 'brand-new-id', 'Down for upgrade'))).toMatchObject({
      code: 'server',
      details: ['Down for upgrade'],
    })
  })

  it("shows an unknown id as our general message followed by the platform's text, as text", () => {
    const error = toAppError(platformAnswer(400, 'brand-new-id', 'Quota <b>reached</b>'))
    const wrapper = mount(BaseErrorAlert, { props: { error }, global: { plugins: [i18n] } })
    expect(wrapper.get('.alert-message').text()).toBe('Something went wrong. Try again.')
    expect(wrapper.get('.alert-details li').text()).toBe('Quota <b>reached</b>')
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.get('[role="alert"]').attributes('aria-live')).toBe('assertive')
  })
})
