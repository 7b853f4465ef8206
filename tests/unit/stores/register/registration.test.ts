// @vitest-environment node
import { createPinia, setActivePinia } from 'pinia'
import type { Service } from 'pryv'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AccessRequest, ServiceInfo } from '@/services/accessState'
import { AppError } from '@/services/appError'
import { navigateTo } from '@/services/browserWindow'
import { parseHostings } from '@/services/register/hostings'
import { createAccount } from '@/services/register/registration'
import { useAuthFlowStore } from '@/stores/auth/authFlow'
import { useAuthRequestStore } from '@/stores/auth/authRequest'
import { usePlatformStore } from '@/stores/platform'
import { homeRedirectDelayMs, useRegistrationStore } from '@/stores/register/registration'
import { installFakeWindow } from '../../services/fakeWindow'

vi.mock('@/services/register/registration', () => ({ createAccount: vi.fn(), isUsernameTaken: vi.fn() }))
vi.mock('@/services/browserWindow', () => ({ navigateTo: vi.fn(), isFramed: () => false, closeWindow: vi.fn() }))
vi.mock('@/services/register/hostings', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/services/register/hostings')>()),
  loadHostings: vi.fn(async () =>
    parseHostings({
      regions: { r: { zones: { z: { hostings: { first: { available: true }, second: { available: true } } } } } },
    }),
  ),
}))

// The platform store reads the page's address: the fake window gives the one jsdom would.
beforeEach(() => void installFakeWindow({ url: 'http://localhost:3000/' }))
afterEach(() => vi.unstubAllGlobals())

const info = {
  name: 'P',
  api: 'http://127.0.0.1:3000/{username}/',
  register: 'http://127.0.0.1:3000/reg/',
  access: 'http://127.0.0.1:3000/reg/access/',
  terms: 'Be kind',
} as ServiceInfo
const form = { email: 'alice@example.com', username: 'Alice', password: 'secret-1', hosting: '' }
const created = { kind: 'created', username: 'alice', apiEndpoint: 'http://127.0.0.1:3000/alice/' } as const

function setUp(query: Record<string, string> = {}) {
  const platform = usePlatformStore()
  const service = {} as Service
  platform.service = service
  vi.spyOn(platform, 'connect').mockResolvedValue(service)
  vi.spyOn(platform, 'info').mockResolvedValue(info)
  vi.spyOn(platform, 'trustedService').mockImplementation(async () => ((await platform.info()) ? service : null))
  const flow = useAuthFlowStore()
  const start = vi.spyOn(flow, 'start').mockImplementation(() => undefined)
  const signIn = vi.spyOn(flow, 'signIn').mockResolvedValue()
  vi.spyOn(useAuthRequestStore(), 'ready').mockResolvedValue({ requestingAppId: 'asking-app' } as AccessRequest)
  const registration = useRegistrationStore()
  registration.start(query)
  return { registration, start, signIn }
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.mocked(createAccount).mockReset().mockResolvedValue(created)
  vi.mocked(navigateTo).mockReset()
})
afterEach(() => vi.useRealTimers())

describe('registration outside an auth request', () => {
  it('creates the account with our app id, the page language, the link referer and the first hosting, then opens the home', async () => {
    vi.useFakeTimers()
    const { registration, start } = setUp({ referer: 'from-link' })
    expect(start).not.toHaveBeenCalled()
    expect(await registration.submit(form)).toBe(true)
    expect(createAccount).toHaveBeenCalledWith(expect.anything(), {
      email: 'alice@example.com',
      username: 'alice',
      password: 'secret-1',
      hosting: 'first',
      appId: 'pryv-app-web-auth-3',
      language: 'en',
      referer: 'from-link',
    })
    expect([registration.phase, registration.homeUrl]).toEqual(['created', created.apiEndpoint])
    expect(navigateTo).not.toHaveBeenCalled()
    vi.advanceTimersByTime(homeRedirectDelayMs)
    expect(navigateTo).toHaveBeenCalledWith(created.apiEndpoint)
  })

  it('reads the terms of use from service info', async () => {
    const { registration } = setUp()
    await vi.waitFor(() => expect(registration.terms).toEqual({ kind: 'text', text: 'Be kind' }))
  })

  it('sends nothing while a field breaks a rule', async () => {
    const { registration } = setUp()
    expect(await registration.submit({ ...form, email: 'nope' })).toBe(false)
    expect(registration.problems).toEqual({ email: { rule: 'email-format' } })
    expect(createAccount).not.toHaveBeenCalled()
    expect([registration.status, registration.error]).toEqual(['idle', null])
    registration.clearProblem('email')
    expect(registration.problems.email).toBeUndefined()
  })

  it("sends the password nowhere while the platform's service info is not trusted, even with a hosting chosen", async () => {
    const { registration } = setUp()
    vi.mocked(usePlatformStore().info).mockResolvedValue(null)
    expect(await registration.submit({ ...form, hosting: 'first' })).toBe(true)
    expect(createAccount).not.toHaveBeenCalled()
    // Nothing was created: nothing is said done.
    expect([registration.status, registration.phase]).toEqual(['idle', 'form'])
  })

  it('creates one account when submitted twice quickly', async () => {
    const { registration } = setUp()
    await Promise.all([registration.submit(form), registration.submit(form)])
    expect(createAccount).toHaveBeenCalledTimes(1)
  })

  it('shows the platform refusal per field and stays on the form', async () => {
    vi.mocked(createAccount).mockResolvedValue({
      kind: 'refused',
      fields: { username: { rule: 'taken' } },
      error: new AppError('account-exists'),
    })
    const { registration } = setUp()
    expect(await registration.submit(form)).toBe(false)
    expect([registration.phase, registration.status, registration.error?.code]).toEqual([
      'form',
      'error',
      'account-exists',
    ])
    expect(registration.problems).toEqual({ username: { rule: 'taken' } })
  })

  it('keeps a failure for the alert, so the person can try again', async () => {
    vi.mocked(createAccount).mockRejectedValueOnce(new AppError('server'))
    const { registration } = setUp()
    expect(await registration.submit(form)).toBe(true)
    expect([registration.status, registration.error?.code]).toEqual(['error', 'server'])
    await registration.submit(form)
    expect([registration.status, registration.error, registration.phase]).toEqual(['done', null, 'created'])
  })
})

describe('registration inside an auth request', () => {
  it('starts the auth flow, sends the requesting app as referer, then signs in with the same password', async () => {
    const { registration, start, signIn } = setUp({ key: 'k1', poll: 'http://127.0.0.1:3000/reg/access/k1' })
    expect(start).toHaveBeenCalledOnce()
    let phaseWhileSigningIn = ''
    signIn.mockImplementation(async () => {
      phaseWhileSigningIn = registration.phase
    })
    await registration.submit(form)
    expect(createAccount).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ referer: 'asking-app' }))
    expect(signIn).toHaveBeenCalledWith('alice', 'secret-1')
    expect([phaseWhileSigningIn, registration.phase]).toEqual(['signing-in', 'consent'])
    expect(navigateTo).not.toHaveBeenCalled()
  })
})
