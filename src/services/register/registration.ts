import type { Service } from 'pryv'
import type { AccountField, FieldProblems } from './accountRules'
import { AppError, describeItem, platformErrorOf, toAppError, type PlatformError } from '@/services/appError'
import { requestJson } from '@/services/http'
import { asRecord } from '@/services/json'

/** What `createUser` sends: the form plus who registers (our app id, the requesting app as referer). */
export interface NewAccount {
  email: string
  username: string
  password: string
  hosting: string
  appId: string
  language: string
  referer?: string
}

export type RegistrationResult =
  | { kind: 'created'; username: string; apiEndpoint: string }
  /** The platform refused fields the person can correct: shown next to them, the rest in `error`. */
  | { kind: 'refused'; fields: FieldProblems; error: AppError }

const formFields: readonly string[] = ['email', 'username', 'password', 'hosting'] satisfies AccountField[]

function isFormField(name: unknown): name is AccountField {
  return typeof name === 'string' && formFields.includes(name)
}

function fieldOf(item: Record<string, unknown>): unknown {
  if (typeof item.param === 'string') return item.param
  return typeof item.path === 'string' ? item.path.replace(/^#\//, '') : undefined
}

/** 409 `item-already-exists` lists the taken values by field: `{ username: "x", email: "y" }`. */
function takenFields(error: PlatformError): FieldProblems {
  const data = asRecord(error.data) ?? {}
  return Object.fromEntries(
    Object.keys(data)
      .filter(isFormField)
      .map((field) => [field, { rule: 'taken' }]),
  )
}

/** Schema errors list `{ param | path, message, code }` items; those of other fields stay as details. */
function refusedFields(error: PlatformError): { fields: FieldProblems; others: string[] } {
  const fields: FieldProblems = {}
  const others: string[] = []
  const items = [error.data, error.subErrors].flatMap((list) => (Array.isArray(list) ? (list as unknown[]) : []))
  for (const item of items) {
    const fieldError = asRecord(item) ?? {}
    const field = fieldOf(fieldError)
    const text = fieldError.message ?? fieldError.code
    if (isFormField(field) && !fields[field])
      fields[field] = { rule: 'refused', platformText: typeof text === 'string' ? text.slice(0, 300) : undefined }
    else if (!isFormField(field)) others.push(describeItem(item) ?? '')
  }
  return { fields, others: others.filter(Boolean) }
}

function refusal(err: unknown): RegistrationResult | null {
  const error = platformErrorOf(err)
  if (!error) return null
  if (error.id === 'item-already-exists') {
    const fields = takenFields(error)
    return Object.keys(fields).length > 0 ? { kind: 'refused', fields, error: new AppError('account-exists') } : null
  }
  const { fields, others } = refusedFields(error)
  return Object.keys(fields).length > 0
    ? { kind: 'refused', fields, error: new AppError('invalid-fields', others) }
    : null
}

/** POST {register}users (pryv `Service.createUser`; `{register}user` on platforms older than 1.6). */
export async function createAccount(service: Service, account: NewAccount): Promise<RegistrationResult> {
  try {
    const { referer, ...required } = account
    const created = await service.createUser(referer === undefined ? required : { ...required, referer })
    return { kind: 'created', username: created.username, apiEndpoint: created.apiEndpoint }
  } catch (err) {
    const refused = refusal(err)
    if (refused) return refused
    throw toAppError(err, { 'item-already-exists': 'account-exists' })
  }
}

/** What the person is told of a username while typing: advisory, creation decides. */
export type Availability = 'unknown' | 'checking' | 'available' | 'taken'

/** The last answer about a username: `username` is the normalized name that `availability` is about. */
export type UsernameCheck = { availability: Availability; username: string }

/** GET {register}{username}/check_username (hand-written: `pryv` has no call for it); true when taken. */
export async function isUsernameTaken(registerUrl: string, username: string): Promise<boolean> {
  const reserved = asRecord(await requestJson(`${registerUrl}${encodeURIComponent(username)}/check_username`))?.reserved
  if (typeof reserved !== 'boolean') throw new AppError('unexpected-answer')
  return reserved
}
