import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { config } from '@/config'
import type { AccessState } from '@/services/accessState'
import { checkAppAccess } from '@/services/auth/appAccess'
import { closeWindow, navigateTo } from '@/services/browserWindow'
import { fetchAccessState, notifyPollUrl, type PollUpdate } from '@/services/auth/pollUrl'
import { AppError } from '@/services/appError'
import { loadConsentMessages } from '@/i18n/consentMessages'
import { recoverMfa, resolveUsername, signIn, signOut, verifyMfaCode } from '@/services/signIn'
import { useAuthSessionStore } from '@/stores/authSession'
import { useAuthFlowStore } from '@/stores/auth/authFlow'
import { useAuthRequestStore } from '@/stores/auth/authRequest'
import { usePlatformStore } from '@/stores/platform'
import { pollUrl, session, setUpAuthFlow, waiting } from './authFlowFixture'

vi.mock('@/services/auth/appAccess', () => ({
  checkAppAccess: vi.fn(),
  createAppAccess: vi.fn(),
  deleteAccess: vi.fn(),
  appApiEndpoint: vi.fn(async () => 'https://app-token@alice.pryv.example/'),
}))
vi.mock('@/services/auth/pollUrl', () => ({
  notifyPollUrl: vi.fn(),
  fetchAccessState: vi.fn(),
  pollUrlForKey: vi.fn(),
}))
vi.mock('@/services/signIn', () => ({
  resolveUsername: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  verifyMfaCode: vi.fn(),
  resendMfaCode: vi.fn(),
  recoverMfa: vi.fn(),
}))
vi.mock('@/i18n/consentMessages', () => ({ loadConsentMessages: vi.fn(async () => undefined) }))
vi.mock('@/services/browserWindow', () => ({
  navigateTo: vi.fn(() => true),
  closeWindow: vi.fn(),
  isFramed: () => false,
}))

const calls: string[] = []
const matching = {
  kind: 'matching',
  token: 'app-token',
  permissions: waiting.requestedPermissions,
  names: new Map(),
} as const
beforeEach(() => {
  vi.clearAllMocks()
  calls.length = 0
  vi.mocked(resolveUsername).mockImplementation(async (_service, login) => login)
  vi.mocked(signIn).mockResolvedValue({ kind: 'signed-in', session })
  vi.mocked(signOut).mockImplementation(async () => void calls.push('sign-out'))
  vi.mocked(fetchAccessState).mockResolvedValue(waiting)
  vi.mocked(notifyPollUrl).mockImplementation(async (_url, update: PollUpdate) => {
    calls.push(`notify ${update.status}`)
    return update as AccessState
  })
  vi.mocked(navigateTo).mockImplementation(() => (calls.push('navigate'), true))
  vi.mocked(closeWindow).mockImplementation(() => void calls.push('close'))
})

/** Signs in to a request the app already holds a matching access for, and continues on the confirmation. */
async function continueWithMatching(flow: ReturnType<typeof useAuthFlowStore>): Promise<void> {
  vi.mocked(checkAppAccess).mockResolvedValue(matching)
  await flow.signIn('alice', 'password-1')
  expect([flow.view, flow.consent?.phase, calls]).toEqual(['consent', 'confirm', []])
  await flow.consent?.accept()
}

afterEach(() => {
  config.silentMatchingAccess = false
  config.tokenFreeReturnUrl = false
})

describe('auth flow', () => {
  it('a matching access waits for Continue, then answers the app, closes the session and goes back to returnURL with the legacy parameters', async () => {
    const flow = setUpAuthFlow({ ...waiting, returnURL: 'https://app.example/back?x=1' })
    await continueWithMatching(flow)
    expect(calls).toEqual(['notify ACCEPTED', 'sign-out', 'navigate'])
    const target = new URL(vi.mocked(navigateTo).mock.calls[0]?.[0] ?? '')
    expect(target.origin + target.pathname).toBe('https://app.example/back')
    expect(target.searchParams.get('x')).toBe('1')
    expect(target.searchParams.get('prYvstatus')).toBe('ACCEPTED')
    expect(target.searchParams.get('prYvpoll')).toBe(pollUrl)
    expect(target.searchParams.get('prYvkey')).toBe('k1')
    expect(flow.view).toBe('ended')
    expect(flow.ending).toMatchObject({ kind: 'redirect' })
  })

  it('names the return address host on the confirmation, and the opener without one', async () => {
    vi.mocked(checkAppAccess).mockResolvedValue(matching)
    const flow = setUpAuthFlow({ ...waiting, returnURL: 'http://app.example/back' })
    await flow.signIn('alice', 'password-1')
    expect(flow.consent?.destination).toEqual({ kind: 'address', host: 'app.example', flag: 'not-https' })
    const popup = setUpAuthFlow(waiting)
    await popup.signIn('alice', 'password-1')
    expect(popup.consent?.destination).toEqual({ kind: 'opener' })
  })

  it('with the old behaviour set, a matching access answers the app at once', async () => {
    config.silentMatchingAccess = true
    vi.mocked(checkAppAccess).mockResolvedValue(matching)
    const flow = setUpAuthFlow(waiting)
    await flow.signIn('alice', 'password-1')
    expect(calls).toEqual(['notify ACCEPTED', 'sign-out', 'close'])
  })

  it('with the token-free setting, the return URL carries the poll URL but no token', async () => {
    config.tokenFreeReturnUrl = true
    const flow = setUpAuthFlow({ ...waiting, returnURL: 'https://app.example/back' })
    await continueWithMatching(flow)
    const target = new URL(vi.mocked(navigateTo).mock.calls[0]?.[0] ?? '')
    expect(target.searchParams.get('prYvpoll')).toBe(pollUrl)
    expect([...target.searchParams.keys()].filter((name) => /token|apiEndpoint/.test(name))).toEqual([])
  })

  it('without a return address the popup closes once the app is told', async () => {
    const flow = setUpAuthFlow(waiting)
    await continueWithMatching(flow)
    expect(calls).toEqual(['notify ACCEPTED', 'sign-out', 'close'])
    expect(flow.ending).toEqual({ kind: 'close' })
  })

  it('a return address that is not a web address is never followed', async () => {
    const flow = setUpAuthFlow({ ...waiting, returnURL: 'javascript:alert(1)' })
    await continueWithMatching(flow)
    expect(navigateTo).not.toHaveBeenCalled()
    expect(flow.ending).toEqual({ kind: 'unsafe-target' })
  })

  it('shows the consent when the app holds no matching access, and answers nothing yet', async () => {
    vi.mocked(checkAppAccess).mockResolvedValue({
      kind: 'consent',
      permissions: waiting.requestedPermissions,
      names: new Map(),
    })
    const flow = setUpAuthFlow(waiting)
    await flow.signIn('alice', 'password-1')
    expect(flow.view).toBe('consent')
    expect(calls).toEqual([])
  })

  it('cancel before signing in tells the app REFUSED and ends', async () => {
    const flow = setUpAuthFlow(waiting)
    await flow.cancel()
    expect(vi.mocked(notifyPollUrl).mock.calls[0]?.[1]).toMatchObject({
      status: 'REFUSED',
      reasonId: 'REFUSED_BY_USER',
    })
    expect(calls).toEqual(['notify REFUSED', 'close'])
    expect(flow.view).toBe('ended')
  })

  it('two sign-in submits in a row make one sign-in', async () => {
    vi.mocked(checkAppAccess).mockResolvedValue({
      kind: 'consent',
      permissions: waiting.requestedPermissions,
      names: new Map(),
    })
    const flow = setUpAuthFlow(waiting)
    await Promise.all([flow.signIn('alice', 'password-1'), flow.signIn('alice', 'password-1')])
    expect(signIn).toHaveBeenCalledOnce()
  })
})

describe('auth flow: what the popup shows', () => {
  it('shows the answer of a request no longer waiting, and the end over anything else', async () => {
    const flow = setUpAuthFlow(waiting)
    useAuthRequestStore().answered = { status: 'ACCEPTED' } as AccessState
    expect(flow.view).toBe('answered')
    await flow.cancel()
    expect(flow.view).toBe('ended')
  })

  it('shows the load error, also while a retry is pending, and the sign-in form once the request loads', () => {
    const flow = setUpAuthFlow(waiting)
    const authRequest = useAuthRequestStore()
    authRequest.status = 'error'
    expect(flow.view).toBe('load-error')
    authRequest.status = 'pending'
    authRequest.error = new AppError('network')
    expect(flow.view).toBe('load-error')
    authRequest.error = null
    expect(flow.view).toBe('sign-in')
    authRequest.status = 'done'
    expect(flow.view).toBe('sign-in')
  })

  it('keeps the sign-in form while the consent step is only loaded', async () => {
    const flow = setUpAuthFlow(waiting)
    await flow.loadConsent()
    expect([flow.consent?.phase, flow.view]).toEqual(['idle', 'sign-in'])
  })

  it('says it is submitting while a sign-in runs', async () => {
    vi.mocked(checkAppAccess).mockResolvedValue({
      kind: 'consent',
      permissions: waiting.requestedPermissions,
      names: new Map(),
    })
    const flow = setUpAuthFlow(waiting)
    expect(flow.submitting).toBe(false)
    const submitted = flow.signIn('alice', 'password-1')
    expect(flow.submitting).toBe(true)
    await submitted
    expect(flow.submitting).toBe(false)
  })
})

describe('auth flow: sign-in steps', () => {
  beforeEach(() => {
    vi.mocked(checkAppAccess).mockResolvedValue({
      kind: 'consent',
      permissions: waiting.requestedPermissions,
      names: new Map(),
    })
  })

  it('asks for the MFA code, then checks the access once the code opened the session', async () => {
    vi.mocked(signIn).mockResolvedValue({ kind: 'mfa-required', username: 'alice', mfaToken: 'mfa-token' })
    const flow = setUpAuthFlow(waiting)
    await flow.signIn('alice', 'password-1')
    expect(flow.view).toBe('mfa')
    expect(checkAppAccess).not.toHaveBeenCalled()
    vi.mocked(verifyMfaCode).mockRejectedValueOnce(new AppError('invalid-mfa-code'))
    await flow.submitMfaCode('000000')
    expect(checkAppAccess).not.toHaveBeenCalled()
    vi.mocked(verifyMfaCode).mockResolvedValueOnce(session)
    await flow.submitMfaCode('123456')
    expect(vi.mocked(verifyMfaCode).mock.calls.at(-1)).toEqual([{}, 'alice', 'mfa-token', '123456'])
    expect(flow.view).toBe('consent')
  })

  it('shows the recovery step, and checks the access once a recovery code signed in', async () => {
    vi.mocked(signIn).mockResolvedValueOnce({ kind: 'mfa-required', username: 'alice', mfaToken: 'mfa-token' })
    const flow = setUpAuthFlow(waiting)
    await flow.signIn('alice', 'password-1')
    useAuthSessionStore().showStep('recovery')
    expect(flow.view).toBe('recovery')
    vi.mocked(recoverMfa).mockRejectedValueOnce(new AppError('invalid-recovery-code'))
    await flow.submitRecoveryCode('wrong')
    expect(checkAppAccess).not.toHaveBeenCalled()
    await flow.submitRecoveryCode('recovery-01')
    expect(vi.mocked(recoverMfa).mock.calls.at(-1)).toEqual([{}, 'alice', 'password-1', 'recovery-01'])
    expect(flow.view).toBe('consent')
  })

  it('signs in to nothing without a loaded request or a platform', async () => {
    const flow = setUpAuthFlow(waiting)
    usePlatformStore().service = null
    await flow.signIn('alice', 'password-1')
    const other = setUpAuthFlow(waiting)
    vi.mocked(useAuthRequestStore().ready).mockResolvedValue(null)
    await other.signIn('alice', 'password-1')
    expect(signIn).not.toHaveBeenCalled()
    expect([flow.view, other.view]).toEqual(['sign-in', 'sign-in'])
  })

  it('hands the link to the request', () => {
    const flow = setUpAuthFlow(waiting)
    const start = vi.spyOn(useAuthRequestStore(), 'start').mockImplementation(() => undefined)
    flow.start({ poll: pollUrl, lang: 'fr' })
    expect(start.mock.calls).toEqual([[{ poll: pollUrl, lang: 'fr' }]])
  })

  it("fetches the consent step's code again after a failure", async () => {
    vi.mocked(loadConsentMessages).mockRejectedValueOnce(new TypeError('offline'))
    const flow = setUpAuthFlow(waiting)
    await expect(flow.loadConsent()).rejects.toThrow('offline')
    expect(flow.consent).toBeNull()
    await flow.loadConsent()
    expect(flow.consent?.phase).toBe('idle')
  })
})

describe('auth flow: how it ends', () => {
  it('cancels a request that never loaded: no one to tell, the popup closes', async () => {
    const flow = setUpAuthFlow(waiting)
    useAuthRequestStore().request = null
    await flow.cancel()
    expect(notifyPollUrl).not.toHaveBeenCalled()
    expect([flow.ending, calls]).toEqual([{ kind: 'close' }, ['close']])
  })

  it('tells the app the person cancelled the sign-in', async () => {
    const flow = setUpAuthFlow(waiting)
    await flow.cancel()
    expect(vi.mocked(notifyPollUrl).mock.calls[0]?.[1]).toMatchObject({ message: 'The user cancelled the sign-in.' })
  })

  it('ends saying the app could not be told, going nowhere, when the request is gone', async () => {
    vi.mocked(checkAppAccess).mockResolvedValue(matching)
    vi.mocked(notifyPollUrl).mockRejectedValue(new AppError('unknown-access-key'))
    const flow = setUpAuthFlow({ ...waiting, returnURL: 'https://app.example/back' })
    await flow.signIn('alice', 'password-1')
    await flow.consent?.accept()
    expect(flow.ending).toEqual({ kind: 'undelivered' })
    expect([navigateTo, closeWindow].map((spy) => vi.mocked(spy).mock.calls.length)).toEqual([0, 0])
  })

  it("gives back the request's OAuth state, else the link's", async () => {
    const returnURL = 'https://app.example/back'
    const fromRequest = setUpAuthFlow({ ...waiting, returnURL, oauthState: 'from-request' })
    useAuthRequestStore().query = { cli: false, oauthState: 'from-query' }
    await continueWithMatching(fromRequest)
    const fromLink = setUpAuthFlow({ ...waiting, returnURL })
    useAuthRequestStore().query = { cli: false, oauthState: 'from-query' }
    calls.length = 0
    await continueWithMatching(fromLink)
    const states = vi.mocked(navigateTo).mock.calls.map(([url]) => new URL(url).searchParams.get('state'))
    expect(states).toEqual(['from-request', 'from-query'])
  })
})
