// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { useFormCheck } from '@/composables/useFormCheck'
import { focusedField, formWith } from './formFixture'

describe('useFormCheck', () => {
  it('says nothing is missing before the first submit', () => {
    expect(useFormCheck().missing('')).toBe(false)
  })

  it('passes a form with every value given, moving no focus', async () => {
    const { missing, check } = useFormCheck()
    expect(check(['alice', 'password-1'], formWith(['password']))).toBe(true)
    await nextTick()
    expect(focusedField()).toBeUndefined()
    expect([missing('alice'), missing('')]).toEqual([false, true])
  })

  it('stops a form with an empty value, says it missing and focuses the first field marked invalid', async () => {
    const { missing, check } = useFormCheck()
    expect(check(['alice', ''], formWith(['password']))).toBe(false)
    expect([missing(''), missing('alice')]).toEqual([true, false])
    await nextTick()
    expect(focusedField()).toBe('password')
  })

  it('after a reset says nothing missing again until the next submit', () => {
    const { missing, check, reset } = useFormCheck()
    check([''], formWith(['password']))
    reset()
    expect(missing('')).toBe(false)
    check([''], formWith(['password']))
    expect(missing('')).toBe(true)
  })
})
