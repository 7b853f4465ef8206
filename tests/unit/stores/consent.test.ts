import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AccessRequest, AccessState } from '@/services/accessState'
import { checkAppAccess, createAppAccess } from '@/services/appAccess'
import { AppError } from '@/services/appError'
import { notifyPollUrl } from '@/services/pollUrl'
import { signOut, type Session } from '@/services/signIn'
import { useAuthRequestStore } from '@/stores/authRequest'
import { useAuthSessionStore } from '@/stores/authSession'
import { useConsentStore } from '@/stores/consent'

vi.mock('@/services/appAccess', () => ({ checkAppAccess: vi.fn(), createAppAccess: vi.fn(), deleteAccess: vi.fn(), appApiEndpoint: vi.fn() }))
vi.mock('@/services/pollUrl', () => ({ notifyPollUrl: vi.fn(), fetchAccessState: vi.fn(), pollUrlForKey: vi.fn() }))
vi.mock('@/services/signIn', () => ({ signOut: vi.fn(async () => undefined) }))
vi.mock('@/services/browserWindow', () => ({ navigateTo: vi.fn(() => true), closeWindow: vi.fn(), isFramed: () => false }))

const selfRevoke = { feature: 'selfRevoke', setting: 'forbidden' }
const request: AccessRequest = { status: 'NEED_SIGNIN', key: 'k', requestingAppId: 'demo-app', requestedPermissions: [selfRevoke] }
const session = { username: 'alice', connection: {} } as unknown as Session

/** A consent store for a loaded request and an open session, whose poll state reads as `state`. */
function setUp(state: AccessState) {
  vi.clearAllMocks()
  setActivePinia(createPinia())
  const authRequest = useAuthRequestStore()
  authRequest.request = request
  authRequest.pollUrl = 'https://reg.pryv.example/access/k'
  const refreshState = vi.spyOn(authRequest, 'refreshState').mockImplementation(async () => {
    if (state.status !== 'NEED_SIGNIN') authRequest.answered = state
    return state
  })
  useAuthSessionStore().session = session
  return { consent: useConsentStore(), authRequest, refreshState }
}

describe('consent store', () => {
  beforeEach(() => {
    vi.mocked(checkAppAccess).mockResolvedValue({ kind: 'consent', permissions: [selfRevoke] })
  })

  it('reads the poll state after the check and shows the consent while the request still waits', async () => {
    const { consent, refreshState } = setUp(request)
    await consent.checkAccess()
    expect(refreshState).toHaveBeenCalledOnce()
    expect(consent.phase).toBe('consent')
    expect(consent.permissionViews).toEqual([{ kind: 'feature', feature: 'selfRevoke', setting: 'forbidden' }])
  })

  it('never offers a request answered elsewhere meanwhile, and closes the session', async () => {
    const refused: AccessState = { status: 'REFUSED', reasonId: 'REFUSED_BY_USER' } as AccessState
    const { consent, authRequest } = setUp(refused)
    await consent.checkAccess()
    expect(consent.phase).not.toBe('consent')
    expect(authRequest.answered).toEqual(refused)
    expect(vi.mocked(signOut)).toHaveBeenCalledWith(session)
    expect(vi.mocked(createAppAccess)).not.toHaveBeenCalled()
    expect(vi.mocked(notifyPollUrl)).not.toHaveBeenCalled()
  })

  it('after a failed check, refusing tells the app and ends the flow', async () => {
    vi.mocked(checkAppAccess).mockRejectedValue(new AppError('invalid-request', ["The parameters' format is invalid."]))
    const { consent } = setUp(request)
    await consent.checkAccess()
    expect(consent.failedStep).toBe('check')
    expect(consent.error?.retryable).toBe(false)

    vi.mocked(notifyPollUrl).mockImplementation(async (_url, update) => update as AccessState)
    await consent.refuse('refused')
    expect(vi.mocked(notifyPollUrl)).toHaveBeenCalledWith('https://reg.pryv.example/access/k', expect.objectContaining({ status: 'REFUSED', reasonId: 'REFUSED_BY_USER' }))
    expect(consent.phase).toBe('ended')
    expect(consent.ending).not.toBeNull()
  })
})
