import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { AccessRequest, AccessState } from '@/services/accessState'
import { appApiEndpoint, checkAppAccess, createAppAccess, deleteAccess } from '@/services/auth/appAccess'
import { AppError } from '@/services/appError'
import { notifyPollUrl } from '@/services/auth/pollUrl'
import type { Session } from '@/services/signIn'
import { useConsentStore, type ConsentContext } from '@/stores/auth/consent'

vi.mock('@/services/auth/appAccess', () => ({
  checkAppAccess: vi.fn(),
  createAppAccess: vi.fn(),
  deleteAccess: vi.fn(),
  appApiEndpoint: vi.fn(),
}))
vi.mock('@/services/auth/pollUrl', () => ({
  notifyPollUrl: vi.fn(),
  fetchAccessState: vi.fn(),
  pollUrlForKey: vi.fn(),
}))

const selfRevoke = { feature: 'selfRevoke', setting: 'forbidden' }
const request: AccessRequest = {
  status: 'NEED_SIGNIN',
  key: 'k',
  requestingAppId: 'demo-app',
  requestedPermissions: [selfRevoke],
}
const session = { username: 'alice', connection: {} } as unknown as Session

/** A consent step for a loaded request and an open session, whose poll state reads as `state`. */
function setUp(state: AccessState) {
  vi.clearAllMocks()
  setActivePinia(createPinia())
  const context = {
    request,
    session,
    pollUrl: 'https://reg.pryv.example/access/k',
    silentMatchingAccess: false,
    refreshState: vi.fn(async () => state),
    finish: vi.fn(async () => undefined),
    closeSession: vi.fn(async () => undefined),
  } satisfies ConsentContext
  return { consent: useConsentStore(), context, refreshState: context.refreshState }
}

describe('consent store', () => {
  beforeEach(() => {
    vi.mocked(checkAppAccess).mockResolvedValue({ kind: 'consent', permissions: [selfRevoke] })
  })

  it('reads the poll state after the check and shows the consent while the request still waits', async () => {
    const { consent, context, refreshState } = setUp(request)
    await consent.checkAccess(context)
    expect(refreshState).toHaveBeenCalledOnce()
    expect(consent.phase).toBe('consent')
    expect(consent.permissionViews).toEqual([{ kind: 'feature', feature: 'selfRevoke', setting: 'forbidden' }])
  })

  it('never offers a request answered elsewhere meanwhile, and closes the session', async () => {
    const refused: AccessState = { status: 'REFUSED', reasonId: 'REFUSED_BY_USER' } as AccessState
    const { consent, context } = setUp(refused)
    await consent.checkAccess(context)
    expect(consent.phase).not.toBe('consent')
    expect(context.closeSession).toHaveBeenCalledOnce()
    expect(context.finish).not.toHaveBeenCalled()
    expect(vi.mocked(createAppAccess)).not.toHaveBeenCalled()
    expect(vi.mocked(notifyPollUrl)).not.toHaveBeenCalled()
  })

  it('after a failed check, refusing tells the app and ends the flow', async () => {
    vi.mocked(checkAppAccess).mockRejectedValue(new AppError('invalid-request', ["The parameters' format is invalid."]))
    const { consent, context } = setUp(request)
    await consent.checkAccess(context)
    expect(consent.failedStep).toBe('check')
    expect(consent.error?.retryable).toBe(false)

    vi.mocked(notifyPollUrl).mockImplementation(async (_url, update) => update as AccessState)
    await consent.refuse('refused')
    expect(vi.mocked(notifyPollUrl)).toHaveBeenCalledWith(
      'https://reg.pryv.example/access/k',
      expect.objectContaining({ status: 'REFUSED', reasonId: 'REFUSED_BY_USER' }),
    )
    expect(consent.phase).toBe('ended')
    expect(context.finish).toHaveBeenCalledWith(expect.objectContaining({ status: 'REFUSED' }))
  })

  describe('with a matching access', () => {
    const diary = { streamId: 'diary', level: 'read' }
    beforeEach(() => {
      vi.mocked(checkAppAccess).mockResolvedValue({
        kind: 'matching',
        token: 'held-token',
        permissions: [diary],
        created: 1_700_000_000,
      })
      vi.mocked(appApiEndpoint).mockResolvedValue('https://held-token@alice.pryv.example/')
      vi.mocked(notifyPollUrl).mockImplementation(async (_url, update) => update as AccessState)
    })

    it('asks for confirmation, telling the app nothing yet, and shows what the access holds', async () => {
      const { consent, context } = setUp(request)
      await consent.checkAccess(context)
      expect(consent.phase).toBe('confirm')
      expect(consent.permissionViews).toEqual([expect.objectContaining({ kind: 'stream', name: 'diary' })])
      expect(consent.matchingCreated).toBe(1_700_000_000)
      expect(vi.mocked(notifyPollUrl)).not.toHaveBeenCalled()
    })

    it('Continue gives the existing token, creating no access', async () => {
      const { consent, context } = setUp(request)
      await consent.checkAccess(context)
      await consent.accept()
      expect(vi.mocked(createAppAccess)).not.toHaveBeenCalled()
      expect(vi.mocked(notifyPollUrl)).toHaveBeenCalledWith(
        context.pollUrl,
        expect.objectContaining({ status: 'ACCEPTED', token: 'held-token' }),
      )
      expect(consent.phase).toBe('ended')
    })

    it('Refuse tells the app REFUSED and leaves the access alone, even when telling fails for good', async () => {
      const { consent, context } = setUp(request)
      await consent.checkAccess(context)
      await consent.refuse('refused')
      expect(vi.mocked(notifyPollUrl)).toHaveBeenCalledWith(
        context.pollUrl,
        expect.objectContaining({ status: 'REFUSED' }),
      )

      const second = setUp(request)
      await second.consent.checkAccess(second.context)
      vi.mocked(notifyPollUrl).mockRejectedValue(new AppError('unknown-access-key'))
      await second.consent.accept()
      expect(vi.mocked(deleteAccess)).not.toHaveBeenCalled()
      expect(second.context.finish).toHaveBeenCalledWith('undelivered')
    })

    it('with the old behaviour set, answers the app at once', async () => {
      const { consent, context } = setUp(request)
      await consent.checkAccess({ ...context, silentMatchingAccess: true })
      expect(vi.mocked(notifyPollUrl)).toHaveBeenCalledWith(
        context.pollUrl,
        expect.objectContaining({ status: 'ACCEPTED' }),
      )
      expect(consent.phase).toBe('ended')
    })
  })
})
