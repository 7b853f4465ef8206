import { createPinia, setActivePinia } from 'pinia'
import type { Service } from 'pryv'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AccountForm } from '@/services/accountRules'
import { AppError } from '@/services/appError'
import { createAccount } from '@/services/registration'
import { useHostingsStore } from '@/stores/hostings'
import { usePlatformStore } from '@/stores/platform'
import { useRegistrationStore } from '@/stores/registration'

vi.mock('@/services/registration', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/services/registration')>()),
  createAccount: vi.fn(),
}))
vi.mock('@/services/browserWindow', () => ({ navigateTo: vi.fn(() => true), isFramed: () => false }))

const service = {} as Service
const form: AccountForm = {
  email: 'alice@example.com',
  username: 'alice-new',
  password: 'a good password',
  hosting: '',
}
const apiEndpoint = 'https://alice-new.pryv.example/'

/** The registration store outside an auth request, on a trusted platform with one hosting (stubbed at the store level). */
function setUp() {
  setActivePinia(createPinia())
  const platform = usePlatformStore()
  vi.spyOn(platform, 'trustedService').mockResolvedValue(service)
  vi.spyOn(platform, 'trust').mockReturnValue(true)
  const text = { text: 'One', byLanguage: {} }
  vi.spyOn(useHostingsStore(), 'ready').mockResolvedValue([
    { key: 'h1', name: text, description: text, available: true },
  ])
  return useRegistrationStore()
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.mocked(createAccount).mockResolvedValue({ kind: 'created', username: 'alice-new', apiEndpoint })
})

describe('registration store', () => {
  it('creates the account on the only hosting, then offers the home of a trusted platform', async () => {
    const registration = setUp()
    expect(await registration.submit(form)).toBe(true)
    expect(vi.mocked(createAccount).mock.calls[0]?.[1]).toMatchObject({ username: 'alice-new', hosting: 'h1' })
    expect([registration.status, registration.phase, registration.homeUrl]).toEqual(['done', 'created', apiEndpoint])
  })

  it('sends nothing when the form breaks a rule, and says which field', async () => {
    const registration = setUp()
    expect(await registration.submit({ ...form, email: 'not an e-mail' })).toBe(false)
    expect(createAccount).not.toHaveBeenCalled()
    expect(Object.keys(registration.problems)).toEqual(['email'])
    expect([registration.status, registration.error]).toEqual(['idle', null])
  })

  it('shows a refusal on its fields and keeps its error, the form to correct', async () => {
    const registration = setUp()
    const refusal = new AppError('account-exists')
    vi.mocked(createAccount).mockResolvedValue({
      kind: 'refused',
      fields: { username: { rule: 'taken' } },
      error: refusal,
    })
    expect(await registration.submit(form)).toBe(false)
    expect(registration.problems).toEqual({ username: { rule: 'taken' } })
    expect([registration.status, registration.error, registration.phase]).toEqual(['error', refusal, 'form'])
  })

  it('explains a failure no field can fix, then a new submit creates the account', async () => {
    const registration = setUp()
    vi.mocked(createAccount).mockRejectedValueOnce(new TypeError('Failed to fetch'))
    expect(await registration.submit(form)).toBe(true)
    expect([registration.status, registration.error?.code, registration.phase]).toEqual(['error', 'network', 'form'])
    expect(await registration.submit(form)).toBe(true)
    expect([registration.status, registration.error, registration.phase]).toEqual(['done', null, 'created'])
  })

  it('sends no password to a platform the page does not trust, and claims nothing done', async () => {
    const registration = setUp()
    vi.mocked(usePlatformStore().trustedService).mockResolvedValue(null)
    expect(await registration.submit(form)).toBe(true)
    expect(createAccount).not.toHaveBeenCalled()
    expect([registration.status, registration.phase]).toEqual(['idle', 'form'])
  })

  it('creates one account for two submits at once, and none after it exists', async () => {
    const registration = setUp()
    await Promise.all([registration.submit(form), registration.submit(form)])
    await registration.submit(form)
    expect(createAccount).toHaveBeenCalledTimes(1)
  })
})
