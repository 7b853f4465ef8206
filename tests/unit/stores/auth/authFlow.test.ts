import { createPinia, setActivePinia } from 'pinia'
import type { Service } from 'pryv'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { config } from '@/config'
import type { AccessRequest, AccessState } from '@/services/accessState'
import { checkAppAccess } from '@/services/auth/appAccess'
import { closeWindow, navigateTo } from '@/services/browserWindow'
import { fetchAccessState, notifyPollUrl, type PollUpdate } from '@/services/auth/pollUrl'
import { resolveUsername, signIn, signOut, type Session } from '@/services/signIn'
import { useAuthFlowStore } from '@/stores/auth/authFlow'
import { useAuthRequestStore } from '@/stores/auth/authRequest'
import { usePlatformStore } from '@/stores/platform'

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
vi.mock('@/services/browserWindow', () => ({
  navigateTo: vi.fn(() => true),
  closeWindow: vi.fn(),
  isFramed: () => false,
}))

const pollUrl = 'https://reg.pryv.example/access/k1'
const session = { username: 'alice', connection: {} } as unknown as Session
const waiting: AccessRequest = {
  status: 'NEED_SIGNIN',
  key: 'k1',
  requestingAppId: 'demo-app',
  requestedPermissions: [{ streamId: 'diary', level: 'read' }],
}
const calls: string[] = []
const matching = { kind: 'matching', token: 'app-token', permissions: waiting.requestedPermissions } as const

/** The auth flow for a loaded request (the platform and the poll state are stubbed at the service level). */
function setUp(request: AccessRequest) {
  setActivePinia(createPinia())
  usePlatformStore().service = {} as Service
  const authRequest = useAuthRequestStore()
  authRequest.request = request
  authRequest.pollUrl = pollUrl
  // As the request's loading leaves it (here unchecked, so the ending's own guard shows too).
  authRequest.returnURL = request.returnURL
  vi.spyOn(authRequest, 'ready').mockResolvedValue(request)
  return useAuthFlowStore()
}

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
    const flow = setUp({ ...waiting, returnURL: 'https://app.example/back?x=1' })
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
    const flow = setUp({ ...waiting, returnURL: 'http://app.example/back' })
    await flow.signIn('alice', 'password-1')
    expect(flow.consent?.destination).toEqual({ kind: 'address', host: 'app.example', flag: 'not-https' })
    const popup = setUp(waiting)
    await popup.signIn('alice', 'password-1')
    expect(popup.consent?.destination).toEqual({ kind: 'opener' })
  })

  it('with the old behaviour set, a matching access answers the app at once', async () => {
    config.silentMatchingAccess = true
    vi.mocked(checkAppAccess).mockResolvedValue(matching)
    const flow = setUp(waiting)
    await flow.signIn('alice', 'password-1')
    expect(calls).toEqual(['notify ACCEPTED', 'sign-out', 'close'])
  })

  it('with the token-free setting, the return URL carries the poll URL but no token', async () => {
    config.tokenFreeReturnUrl = true
    const flow = setUp({ ...waiting, returnURL: 'https://app.example/back' })
    await continueWithMatching(flow)
    const target = new URL(vi.mocked(navigateTo).mock.calls[0]?.[0] ?? '')
    expect(target.searchParams.get('prYvpoll')).toBe(pollUrl)
    expect([...target.searchParams.keys()].filter((name) => /token|apiEndpoint/.test(name))).toEqual([])
  })

  it('without a return address the popup closes once the app is told', async () => {
    const flow = setUp(waiting)
    await continueWithMatching(flow)
    expect(calls).toEqual(['notify ACCEPTED', 'sign-out', 'close'])
    expect(flow.ending).toEqual({ kind: 'close' })
  })

  it('a return address that is not a web address is never followed', async () => {
    const flow = setUp({ ...waiting, returnURL: 'javascript:alert(1)' })
    await continueWithMatching(flow)
    expect(navigateTo).not.toHaveBeenCalled()
    expect(flow.ending).toEqual({ kind: 'unsafe-target' })
  })

  it('shows the consent when the app holds no matching access, and answers nothing yet', async () => {
    vi.mocked(checkAppAccess).mockResolvedValue({ kind: 'consent', permissions: waiting.requestedPermissions })
    const flow = setUp(waiting)
    await flow.signIn('alice', 'password-1')
    expect(flow.view).toBe('consent')
    expect(calls).toEqual([])
  })

  it('cancel before signing in tells the app REFUSED and ends', async () => {
    const flow = setUp(waiting)
    await flow.cancel()
    expect(vi.mocked(notifyPollUrl).mock.calls[0]?.[1]).toMatchObject({
      status: 'REFUSED',
      reasonId: 'REFUSED_BY_USER',
    })
    expect(calls).toEqual(['notify REFUSED', 'close'])
    expect(flow.view).toBe('ended')
  })

  it('two sign-in submits in a row make one sign-in', async () => {
    vi.mocked(checkAppAccess).mockResolvedValue({ kind: 'consent', permissions: waiting.requestedPermissions })
    const flow = setUp(waiting)
    await Promise.all([flow.signIn('alice', 'password-1'), flow.signIn('alice', 'password-1')])
    expect(signIn).toHaveBeenCalledOnce()
  })
})
