// @vitest-environment jsdom
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, shallowRef, type ShallowRef } from 'vue'
import { focusFirstInvalid, useFieldAlert } from '@/composables/useFieldAlert'
import { AppError, type AppErrorCode } from '@/services/appError'
import { focusedField, formWith } from './formFixture'

/** A component using the alert over a form whose `invalid` fields are marked so. */
function withAlert(error: ShallowRef<AppError | null>, fieldCode: ShallowRef<AppErrorCode | undefined>) {
  const form = shallowRef<HTMLFormElement | null>(formWith(['password']))
  let alert: ReturnType<typeof useFieldAlert> | undefined
  mount(
    defineComponent({
      setup() {
        alert = useFieldAlert(
          form,
          () => error.value,
          () => fieldCode.value,
        )
        return () => h('p')
      },
    }),
  )
  if (!alert) throw new Error('not set up')
  return alert
}

enableAutoUnmount(afterEach)
afterEach(() => document.body.replaceChildren())

describe('useFieldAlert', () => {
  it("names the alert from the field only while the error is the field's", () => {
    const error = shallowRef<AppError | null>(null)
    const fieldCode = shallowRef<AppErrorCode | undefined>('invalid-credentials')
    const { alertId, fieldErrorId } = withAlert(error, fieldCode)
    expect(alertId).not.toBe('')
    expect(fieldErrorId.value).toBeUndefined()
    error.value = new AppError('invalid-credentials')
    expect(fieldErrorId.value).toBe(alertId)
    error.value = new AppError('network')
    expect(fieldErrorId.value).toBeUndefined()
    fieldCode.value = undefined
    error.value = new AppError('invalid-credentials')
    expect(fieldErrorId.value).toBeUndefined()
  })

  it('names no field without an error, even when the form has no field code', () => {
    const { fieldErrorId } = withAlert(shallowRef(null), shallowRef(undefined))
    expect(fieldErrorId.value).toBeUndefined()
  })

  it('focuses the first invalid field after each new error, and not when the error goes', async () => {
    const error = shallowRef<AppError | null>(null)
    withAlert(error, shallowRef('invalid-credentials'))
    error.value = new AppError('invalid-credentials')
    await nextTick()
    await nextTick()
    expect(focusedField()).toBe('password')
    ;(document.activeElement as HTMLElement).blur()
    error.value = null
    await nextTick()
    await nextTick()
    expect(focusedField()).toBeUndefined()
  })
})

describe('focusFirstInvalid', () => {
  it('focuses nothing without a form, or in a form with no invalid field', async () => {
    focusFirstInvalid(null)
    focusFirstInvalid(formWith([]))
    await nextTick()
    expect(focusedField()).toBeUndefined()
  })

  it('focuses the first field marked invalid, once the DOM shows the marks', async () => {
    focusFirstInvalid(formWith(['login', 'password']))
    expect(focusedField()).toBeUndefined()
    await nextTick()
    expect(focusedField()).toBe('login')
  })
})
