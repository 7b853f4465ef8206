import { ref } from 'vue'
import { focusFirstInvalid } from './useFieldAlert'

/** A form's required fields: said missing from the first submit on, and focus to the first missing one. */
export function useFormCheck() {
  const submitted = ref(false)

  /** True once the user tried to submit without this value. */
  function missing(value: string): boolean {
    return submitted.value && value === ''
  }

  /** Marks the form submitted; true when every value is given, else focuses the first missing one. */
  function check(values: string[], form: HTMLFormElement): boolean {
    submitted.value = true
    if (values.every((value) => value !== '')) return true
    focusFirstInvalid(form)
    return false
  }

  /** Forgets the submit, e.g. once the form was sent and emptied for a new entry. */
  function reset(): void {
    submitted.value = false
  }

  return { missing, check, reset }
}
