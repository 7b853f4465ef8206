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
vi.mock('@/services/markdown', () => ({ renderMarkdown: (source: string) => `rendered: ${source}` }))
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
    vi.mocked(checkAppAccess).mockResolvedValue({ kind: 'consent', permissions: [selfRevoke], names: new Map() })
  })

  it('reads the poll state while the check runs, not after it (one round trip less)', async () => {
    let answerCheck: (check: Awaited<ReturnType<typeof checkAppAccess>>) => void = () => undefined
    vi.mocked(checkAppAccess).mockReturnValue(new Promise((resolve) => (answerCheck = resolve)))
    const { consent, context, refreshState } = setUp(request)
    const checked = consent.checkAccess(context)
    await vi.waitFor(() => expect(refreshState).toHaveBeenCalledOnce())
    expect(consent.phase).toBe('checking')
    answerCheck({ kind: 'consent', permissions: [selfRevoke], names: new Map() })
    await checked
    expect(consent.phase).toBe('consent')
  })

  it('a check that fails on a request answered elsewhere meanwhile shows no error: that answer stands', async () => {
    vi.mocked(checkAppAccess).mockRejectedValue(new AppError('network'))
    const { consent, context } = setUp({ status: 'ACCEPTED' } as AccessState)
    await consent.checkAccess(context)
    expect(consent.error).toBeNull()
    expect(consent.failedStep).toBeNull()
    expect(context.closeSession).toHaveBeenCalledOnce()
  })

  it('reads the poll state with the check and shows the consent while the request still waits', async () => {
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

  it("shows each stream by the person's name, and sends the permissions as the platform checked them", async () => {
    const diary = { streamId: 'diary', level: 'read', defaultName: 'Diary' }
    vi.mocked(checkAppAccess).mockResolvedValue({
      kind: 'consent',
      permissions: [diary],
      names: new Map([['diary', 'My diary']]),
    })
    vi.mocked(createAppAccess).mockResolvedValue({ token: 't', apiEndpoint: 'https://t@alice.pryv.example/' })
    vi.mocked(notifyPollUrl).mockImplementation(async (_url, update) => update as AccessState)
    const { consent, context } = setUp(request)
    await consent.checkAccess(context)
    expect(consent.permissionViews).toEqual([expect.objectContaining({ kind: 'stream', name: 'My diary' })])
    await consent.accept()
    expect(vi.mocked(createAppAccess).mock.calls[0]?.[2]).toEqual([diary])
  })

  describe('with a matching access', () => {
    const diary = { streamId: 'diary', level: 'read' }
    beforeEach(() => {
      vi.mocked(checkAppAccess).mockResolvedValue({
        kind: 'matching',
        names: new Map(),
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

const diaryRead = { streamId: 'diary', level: 'read' }
const created = { id: 'new-access', token: 'new-token', apiEndpoint: 'https://new-token@alice.pryv.example/' }
const accepted = (update: unknown) => update as AccessState

/** A promise settled by hand, to look at the store while a call is pending. */
function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  const promise = new Promise<T>((settle) => (resolve = settle))
  return { promise, resolve }
}

describe('consent store: before and during the check', () => {
  it('starts idle with nothing to show, the result going to the opener', () => {
    const { consent } = setUp(request)
    expect([consent.phase, consent.permissionViews, consent.replacesAccess, consent.descriptionHtml]).toEqual([
      'idle',
      [],
      false,
      '',
    ])
    expect([consent.failedStep, consent.busyStep, consent.destination]).toEqual([null, null, { kind: 'opener' }])
  })

  it('is checking while the platform answers', async () => {
    const pending = deferred<Awaited<ReturnType<typeof checkAppAccess>>>()
    vi.mocked(checkAppAccess).mockReturnValue(pending.promise)
    const { consent, context } = setUp(request)
    const checking = consent.checkAccess(context)
    expect([consent.phase, consent.busyStep]).toEqual(['checking', 'check'])
    pending.resolve({ kind: 'consent', permissions: [diaryRead], names: new Map() })
    await checking
    expect([consent.phase, consent.busyStep]).toEqual(['consent', null])
  })

  it('names the return address as the destination, and the opener when there is none to go to', async () => {
    const { consent, context } = setUp(request)
    vi.mocked(checkAppAccess).mockResolvedValue({ kind: 'consent', permissions: [diaryRead], names: new Map() })
    await consent.checkAccess({ ...context, returnURL: 'https://app.example/back' })
    expect(consent.destination).toEqual({ kind: 'address', host: 'app.example', flag: null })
    for (const returnURL of ['false', 'javascript:alert(1)']) {
      const other = setUp(request)
      await other.consent.checkAccess({ ...other.context, returnURL })
      expect(other.consent.destination, returnURL).toEqual({ kind: 'opener' })
    }
  })

  it("shows the app's description, rendered, and none when it gives none", async () => {
    vi.mocked(checkAppAccess).mockResolvedValue({ kind: 'consent', permissions: [diaryRead], names: new Map() })
    const described = {
      ...request,
      clientData: { 'app-web-auth:description': { type: 'note/txt', content: '**Hi**' } },
    }
    const { consent, context } = setUp(described)
    await consent.checkAccess({ ...context, request: described })
    expect(consent.descriptionHtml).toBe('rendered: **Hi**')
    const plain = setUp(request)
    await plain.consent.checkAccess(plain.context)
    expect(plain.consent.descriptionHtml).toBe('')
  })

  it('checks again after a failed check', async () => {
    vi.mocked(checkAppAccess).mockRejectedValueOnce(new AppError('network'))
    const { consent, context } = setUp(request)
    await consent.checkAccess(context)
    expect(consent.failedStep).toBe('check')
    vi.mocked(checkAppAccess).mockResolvedValue({ kind: 'consent', permissions: [diaryRead], names: new Map() })
    await consent.retry()
    expect([consent.phase, consent.failedStep]).toEqual(['consent', null])
    expect(checkAppAccess).toHaveBeenCalledTimes(2)
  })
})

describe('consent store: accepting', () => {
  beforeEach(() => {
    vi.mocked(checkAppAccess).mockResolvedValue({ kind: 'consent', permissions: [diaryRead], names: new Map() })
    vi.mocked(createAppAccess).mockResolvedValue(created)
    vi.mocked(appApiEndpoint).mockResolvedValue(created.apiEndpoint)
    vi.mocked(notifyPollUrl).mockImplementation(async (_url, update) => accepted(update))
  })

  it('creates the access, tells the app its endpoint, user and token, and ends', async () => {
    const { consent, context } = setUp(request)
    await consent.checkAccess(context)
    expect(consent.replacesAccess).toBe(false)
    const accepting = consent.accept()
    expect(consent.busyStep).toBe('accept')
    await accepting
    expect(vi.mocked(createAppAccess).mock.calls).toEqual([[session, request, [diaryRead]]])
    expect(deleteAccess).not.toHaveBeenCalled()
    expect(vi.mocked(appApiEndpoint).mock.calls).toEqual([[session, created]])
    const update = { status: 'ACCEPTED', apiEndpoint: created.apiEndpoint, username: 'alice', token: 'new-token' }
    expect(vi.mocked(notifyPollUrl).mock.calls).toEqual([[context.pollUrl, update]])
    expect(context.finish.mock.calls).toEqual([[update]])
    expect(consent.phase).toBe('ended')
  })

  it('replaces a mismatching access: deleted first, then the new one created', async () => {
    vi.mocked(checkAppAccess).mockResolvedValue({
      kind: 'consent',
      names: new Map(),
      permissions: [diaryRead],
      mismatchingAccessId: 'old-access',
    })
    const { consent, context } = setUp(request)
    await consent.checkAccess(context)
    expect(consent.replacesAccess).toBe(true)
    await consent.accept()
    expect(vi.mocked(deleteAccess).mock.calls).toEqual([[session, 'old-access']])
    expect(vi.mocked(deleteAccess).mock.invocationCallOrder[0]).toBeLessThan(
      vi.mocked(createAppAccess).mock.invocationCallOrder[0] ?? 0,
    )
  })

  it('creates nothing when the request was answered elsewhere in the meantime', async () => {
    const { consent, context, refreshState } = setUp(request)
    await consent.checkAccess(context)
    refreshState.mockResolvedValue({ status: 'ACCEPTED' } as AccessState)
    await consent.accept()
    expect(createAppAccess).not.toHaveBeenCalled()
    expect(context.closeSession).toHaveBeenCalledOnce()
    expect(context.finish).not.toHaveBeenCalled()
  })

  it('tries the creation again after it failed', async () => {
    vi.mocked(createAppAccess).mockRejectedValueOnce(new AppError('network'))
    const { consent, context } = setUp(request)
    await consent.checkAccess(context)
    await consent.accept()
    expect(consent.failedStep).toBe('accept')
    await consent.retry()
    expect(createAppAccess).toHaveBeenCalledTimes(2)
    expect(consent.phase).toBe('ended')
  })

  it('once the access exists, retries only the notification', async () => {
    vi.mocked(notifyPollUrl).mockRejectedValueOnce(new AppError('network'))
    const { consent, context } = setUp(request)
    await consent.checkAccess(context)
    await consent.accept()
    expect(consent.failedStep).toBe('notify')
    const retrying = consent.retry()
    expect(consent.busyStep).toBe('notify')
    await retrying
    expect(createAppAccess).toHaveBeenCalledOnce()
    expect(notifyPollUrl).toHaveBeenCalledTimes(2)
    expect([consent.phase, consent.failedStep]).toEqual(['ended', null])
  })

  it('deletes the access it created when the app can never be told, and ends saying so', async () => {
    vi.mocked(notifyPollUrl).mockRejectedValue(new AppError('unknown-access-key'))
    const { consent, context } = setUp(request)
    await consent.checkAccess(context)
    await consent.accept()
    expect(vi.mocked(deleteAccess).mock.calls).toEqual([[session, 'new-access']])
    expect(context.finish.mock.calls).toEqual([['undelivered']])
    expect([consent.phase, consent.failedStep]).toEqual(['ended', null])
  })

  it('gives a matching access with its endpoint, or an empty one when the platform gave none', async () => {
    const cases: Array<[string | undefined, string]> = [
      ['https://held-token@alice.pryv.example/', 'https://held-token@alice.pryv.example/'],
      [undefined, ''],
    ]
    for (const [given, expected] of cases) {
      const { consent, context } = setUp(request)
      vi.mocked(checkAppAccess).mockResolvedValueOnce({
        kind: 'matching',
        names: new Map(),
        token: 'held-token',
        permissions: [diaryRead],
        ...(given ? { apiEndpoint: given } : {}),
      })
      await consent.checkAccess(context)
      await consent.accept()
      expect(vi.mocked(appApiEndpoint).mock.calls).toEqual([[session, { token: 'held-token', apiEndpoint: expected }]])
    }
  })

  it('accepts nothing without a request and a session', async () => {
    for (const missing of [null, { request: null }, { session: null }]) {
      const { consent, context } = setUp(request)
      if (missing) await consent.checkAccess({ ...context, ...missing })
      await consent.accept()
      expect(consent.error?.code, JSON.stringify(missing)).toBe('unknown')
      expect(createAppAccess).not.toHaveBeenCalled()
      expect(notifyPollUrl).not.toHaveBeenCalled()
    }
  })
})

describe('consent store: refusing', () => {
  beforeEach(() => {
    vi.mocked(checkAppAccess).mockResolvedValue({ kind: 'consent', permissions: [diaryRead], names: new Map() })
    vi.mocked(notifyPollUrl).mockImplementation(async (_url, update) => accepted(update))
  })

  const refusal = (message: string) => ({ status: 'REFUSED', reasonId: 'REFUSED_BY_USER', message })

  it('tells the app whether the person refused or cancelled', async () => {
    const { consent, context } = setUp(request)
    await consent.checkAccess(context)
    const refusing = consent.refuse('refused')
    expect(consent.busyStep).toBe('refuse')
    await refusing
    const refused = refusal('The user refused to give access to the requested permissions.')
    expect(vi.mocked(notifyPollUrl).mock.calls).toEqual([[context.pollUrl, refused]])
    expect(context.finish.mock.calls).toEqual([[refused]])
    const cancelled = setUp(request)
    await cancelled.consent.refuse('cancelled', cancelled.context)
    expect(vi.mocked(notifyPollUrl).mock.calls).toEqual([[context.pollUrl, refusal('The user cancelled the sign-in.')]])
  })

  it('tells nothing when the request was answered elsewhere, and closes the session', async () => {
    const { consent, context } = setUp({ status: 'ACCEPTED' } as AccessState)
    await consent.refuse('cancelled', context)
    expect(notifyPollUrl).not.toHaveBeenCalled()
    expect(context.closeSession).toHaveBeenCalledOnce()
    expect(context.finish).not.toHaveBeenCalled()
  })

  it('still refuses when the state cannot be read, and ends even when the app cannot be told', async () => {
    const { consent, context, refreshState } = setUp(request)
    refreshState.mockRejectedValue(new AppError('network'))
    vi.mocked(notifyPollUrl).mockRejectedValue(new AppError('network'))
    await consent.refuse('cancelled', context)
    expect(notifyPollUrl).toHaveBeenCalledOnce()
    expect(context.finish.mock.calls).toEqual([[refusal('The user cancelled the sign-in.')]])
    expect(consent.phase).toBe('ended')
  })

  it('ends telling no one without a loaded request, a poll URL or any context', async () => {
    for (const missing of [{ request: null }, { pollUrl: '' }, null]) {
      const { consent, context, refreshState } = setUp(request)
      await consent.refuse('cancelled', missing ? { ...context, ...missing } : undefined)
      expect(notifyPollUrl).not.toHaveBeenCalled()
      if (missing?.request === null) expect(refreshState).not.toHaveBeenCalled()
      expect(context.finish.mock.calls).toEqual(missing ? [[refusal('The user cancelled the sign-in.')]] : [])
      expect(consent.phase, JSON.stringify(missing)).toBe('ended')
    }
  })

  it('refuses again when ending failed', async () => {
    const { consent, context } = setUp(request)
    await consent.checkAccess(context)
    context.finish.mockRejectedValueOnce(new AppError('unknown'))
    await consent.refuse('refused')
    expect(consent.failedStep).toBe('refuse')
    await consent.retry()
    const refused = refusal('The user refused to give access to the requested permissions.')
    expect(context.finish.mock.calls).toEqual([[refused], [refused]])
    expect(createAppAccess).not.toHaveBeenCalled()
    expect(consent.phase).toBe('ended')
  })
})
