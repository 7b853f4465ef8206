import { nextTick, ref, watch, type ShallowRef } from 'vue'
import type { AppError } from '@/services/appError'

/**
 * A form's required fields: said missing from the first submit on, and focus
 * to the first invalid field when a submit fails here or the platform refuses a field.
 */
export function useFormCheck(form: Readonly<ShallowRef<HTMLFormElement | null>>, error: () => AppError | null) {
  const submitted = ref(false)

  function focusFirstInvalid(): void {
    void nextTick(() => form.value?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
  }

  /** True once the user tried to submit without this value. */
  function missing(value: string): boolean {
    return submitted.value && value === ''
  }

  /** Marks the form submitted; true when every value is given, else focuses the first missing one. */
  function check(values: string[]): boolean {
    submitted.value = true
    if (values.every((value) => value !== '')) return true
    focusFirstInvalid()
    return false
  }

  watch(error, focusFirstInvalid)

  return { missing, check }
}
