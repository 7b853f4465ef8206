import { computed, nextTick, useId, watch, type ShallowRef } from 'vue'
import type { AppError, AppErrorCode } from '@/services/appError'

type FormRef = Readonly<ShallowRef<HTMLFormElement | null>>

/** Focuses the form's first field marked invalid, once the DOM shows the marks. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  void nextTick(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}

/**
 * A form's alert that may be about one of its fields (a wrong password, an unknown user):
 * with the code `fieldCode`, that field names the alert in `aria-describedby` and is marked invalid.
 * After each new error the focus goes to the first invalid field, so the user can fix it at once.
 */
export function useFieldAlert(form: FormRef, error: () => AppError | null, fieldCode: () => AppErrorCode | undefined) {
  const alertId = useId()
  const fieldErrorId = computed(() => {
    const code = fieldCode()
    return code && error()?.code === code ? alertId : undefined
  })
  watch(error, (current) => {
    if (current) focusFirstInvalid(form.value)
  })
  return { alertId, fieldErrorId }
}
