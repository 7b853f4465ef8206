/** A form in the page with a login and a password field, `invalid` naming the ones marked invalid. */
export function formWith(invalid: ReadonlyArray<'login' | 'password'>): HTMLFormElement {
  const form = document.createElement('form')
  for (const name of ['login', 'password'] as const) {
    const input = document.createElement('input')
    input.name = name
    if (invalid.includes(name)) input.setAttribute('aria-invalid', 'true')
    form.append(input)
  }
  document.body.replaceChildren(form)
  return form
}

/** The name of the field that has the focus, if a field has it. */
export function focusedField(): string | undefined {
  return document.activeElement instanceof HTMLInputElement ? document.activeElement.name : undefined
}
