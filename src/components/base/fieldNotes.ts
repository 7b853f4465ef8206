/** The `aria-describedby` of a control whose hint and error BaseFieldNotes shows; undefined when it has neither. */
export function describedByNotes(fieldId: string, hint: string, error: string): string | undefined {
  return [hint && `${fieldId}-hint`, error && `${fieldId}-error`].filter(Boolean).join(' ') || undefined
}
