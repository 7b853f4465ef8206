/** The fields of the registration form, as the platform names them in its field errors. */
export type AccountField = 'email' | 'username' | 'password' | 'hosting'

/** Why a field is refused: one of our rules, or the platform's (`taken`, `refused` with its own words). */
export type FieldRule =
  'required' | 'username-format' | 'email-format' | 'password-length' | 'password-twice' | 'taken' | 'refused'

export interface FieldProblem {
  rule: FieldRule
  /** The platform's message for a `refused` field, shown as text. */
  platformText?: string
}

export type FieldProblems = Partial<Record<AccountField, FieldProblem>>

/** What the person typed; `password` is '' until typed twice the same, `hosting` '' until hostings are known. */
export interface AccountForm {
  email: string
  username: string
  password: string
  hosting: string
}

// The platform's rules (open-pryv.io and our demo platform): 5–60 characters, lowercase
// letters, digits and dashes, starting and ending with a letter or digit.
const usernamePattern = /^[a-z0-9][a-z0-9-]{3,58}[a-z0-9]$/
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const passwordMinLength = 6
export const passwordMaxLength = 100

/** Usernames are case-insensitive on the platform: what the person types is sent trimmed and lowercased. */
export function normalizeUsername(value: string): string {
  return value.trim().toLowerCase()
}

export function isValidUsername(username: string): boolean {
  return usernamePattern.test(normalizeUsername(username))
}

function emailProblem(email: string): FieldProblem | undefined {
  if (email.trim() === '') return { rule: 'required' }
  return emailPattern.test(email.trim()) && email.length <= 300 ? undefined : { rule: 'email-format' }
}

function usernameProblem(username: string): FieldProblem | undefined {
  if (username.trim() === '') return { rule: 'required' }
  return isValidUsername(username) ? undefined : { rule: 'username-format' }
}

function passwordProblem(password: string): FieldProblem | undefined {
  // The form gives '' until both fields agree: then the person must type it (again).
  if (password === '') return { rule: 'password-twice' }
  return password.length >= passwordMinLength && password.length <= passwordMaxLength
    ? undefined
    : { rule: 'password-length' }
}

/**
 * The client-side checks, mirroring the platform's rules; the platform may still refuse more.
 * The hosting is not checked here: an empty choice means the first available one.
 */
export function checkAccountForm(form: AccountForm): FieldProblems {
  const problems: FieldProblems = {
    email: emailProblem(form.email),
    username: usernameProblem(form.username),
    password: passwordProblem(form.password),
  }
  return Object.fromEntries(Object.entries(problems).filter(([, problem]) => problem !== undefined))
}
