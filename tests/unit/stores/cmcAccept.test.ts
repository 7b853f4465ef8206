// @vitest-environment node
import type { Service } from 'pryv'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/services/appError'
import { writeCmcAccept, writeCmcRefuse } from '@/services/cmc/cmcAnswer'
import { handOffCmcResult } from '@/services/cmc/cmcHandOff'
import { readCmcOffer, type CmcOffer } from '@/services/cmc/cmcOffer'
import { followCmcTrigger, type CmcTrigger } from '@/services/cmc/cmcTrigger'
import { referrerOrigin } from '@/services/openerWindow'
import type { Session } from '@/services/signIn'
import { loadStreamNaming } from '@/services/streamNames'
import { useAuthSessionStore } from '@/stores/authSession'
import { useCmcAcceptStore } from '@/stores/cmcAccept'
import { usePlatformStore } from '@/stores/platform'
import { freshPlatform, stubSignIn } from './freshPlatform'
import { installFakeWindow } from '../services/fakeWindow'

vi.mock('@/services/cmc/cmcOffer', () => ({ readCmcOffer: vi.fn() }))
vi.mock('@/services/cmc/cmcTrigger', () => ({ followCmcTrigger: vi.fn() }))
vi.mock('@/services/cmc/cmcHandOff', () => ({ handOffCmcResult: vi.fn(() => 'closed') }))
vi.mock('@/services/cmc/cmcAnswer', async (importActual) => ({
  ...(await importActual<typeof import('@/services/cmc/cmcAnswer')>()),
  writeCmcAccept: vi.fn(),
  writeCmcRefuse: vi.fn(),
}))
vi.mock('@/services/streamNames', async (importOriginal) =>
  (await import('./streamNamingMock')).streamNamesAnswering(importOriginal, [['diary', 'My diary']]),
)
vi.mock('@/services/openerWindow', () => ({ referrerOrigin: vi.fn(() => 'https://study.example') }))

// The platform store reads the page's address: the fake window gives the one jsdom would.
beforeEach(() => void installFakeWindow({ url: 'http://localhost:3000/' }))
afterEach(() => vi.unstubAllGlobals())

const service = {} as Service
const session = { username: 'bob', connection: { token: 'personal-token' } } as Session
const capabilityUrl = 'https://cap-token@requester.example/study/'
const link = {
  capabilityUrl,
  scopeStreamId: ':_cmc:apps:study',
  pryvApi: 'http://127.0.0.1:3000/',
  mode: 'popup',
}

const choiceOffer: CmcOffer = {
  requester: 'Study',
  allowUserChoice: true,
  entries: [
    { permission: { streamId: 'health', level: 'read' }, mandatory: true },
    { permission: { streamId: 'diary', level: 'read' }, mandatory: false },
  ],
}

function trigger(status: CmcTrigger['status'], content: Record<string, unknown> = {}): CmcTrigger {
  return { id: 'accept-1', status, content }
}

async function setUp(offer: CmcOffer = choiceOffer, query: Record<string, string> = link) {
  freshPlatform(service)
  const close = stubSignIn(session)
  vi.mocked(readCmcOffer).mockResolvedValue(offer)
  const store = useCmcAcceptStore()
  await store.start(query)
  return { store, close }
}

async function signedIn(offer: CmcOffer = choiceOffer) {
  const setup = await setUp(offer)
  await setup.store.signIn('bob', 'password-1')
  return setup
}

beforeEach(() => {
  vi.mocked(writeCmcAccept).mockResolvedValue(trigger('pending'))
  vi.mocked(writeCmcRefuse).mockResolvedValue({ id: 'refuse-1', status: 'pending', content: {} })
  vi.mocked(followCmcTrigger).mockResolvedValue(
    trigger('completed', { acceptedBy: { apiEndpoint: 'https://grant@bob.example/bob/' } }),
  )
})

describe('cmcAccept store: before sign-in', () => {
  it('reads the offer through the capability before anything is asked, every entry ticked', async () => {
    const { store } = await setUp()
    expect(vi.mocked(readCmcOffer).mock.calls).toEqual([[{ url: capabilityUrl, host: 'requester.example' }]])
    expect(store.view).toBe('sign-in')
    expect(store.rows.map((row) => [row.locked, row.ticked])).toEqual([
      [true, true],
      [false, true],
    ])
    expect(store.requesterPlatform).toBe('requester.example')
  })

  it('names no other platform when the capability is on the person’s own', async () => {
    const { store } = await setUp(choiceOffer, { ...link, capabilityUrl: 'http://cap@127.0.0.1:3000/study/' })
    expect(store.requesterPlatform).toBeNull()
  })

  it('refuses a capability over plain http to another host, naming it, without a request', async () => {
    const { store } = await setUp(choiceOffer, { ...link, capabilityUrl: 'http://cap@requester.example/study/' })
    expect([store.view, store.notSecureHost]).toEqual(['not-secure', 'requester.example'])
    expect(readCmcOffer).not.toHaveBeenCalled()
  })

  it.each([
    { ...link, scopeStreamId: ':_cmc:inbox' },
    { ...link, scopeStreamId: ':_cmc:apps:' },
    { capabilityUrl, scopeStreamId: ':_cmc:apps:study' },
    { ...link, capabilityUrl: 'https://requester.example/study/' },
  ])('shows an incomplete link and makes no request: %o', async (query) => {
    const { store } = await setUp(choiceOffer, query)
    expect(store.view).toBe('invalid')
    expect(readCmcOffer).not.toHaveBeenCalled()
  })

  it('makes no request for an untrusted pryvApi, and records it as the API it is', async () => {
    await setUp(choiceOffer, { ...link, pryvApi: 'https://evil.example/' })
    expect(readCmcOffer).not.toHaveBeenCalled()
    expect(usePlatformStore().untrusted).toEqual({ role: 'api', host: 'evil.example' })
  })

  it('explains an expired capability at once, and hands off only when the person goes back', async () => {
    freshPlatform(service)
    vi.mocked(readCmcOffer).mockRejectedValue(new AppError('cmc-capability-invalid'))
    const store = useCmcAcceptStore()
    await store.start(link)
    expect(store.view).toBe('ended')
    expect(store.outcome).toEqual({
      kind: 'failed',
      error: expect.objectContaining({ code: 'cmc-capability-invalid' }),
    })
    expect(handOffCmcResult).not.toHaveBeenCalled()
    store.returnToApp()
    store.returnToApp()
    expect(vi.mocked(handOffCmcResult).mock.calls).toEqual([
      [
        'cmc-accept-result',
        'cmcAcceptResult',
        { ok: false, reason: 'cmc-capability-invalid' },
        { mode: 'popup', returnUrl: null },
        ['dataGrantApiEndpoint'],
      ],
    ])
  })

  it('offers another read when the network failed', async () => {
    freshPlatform(service)
    vi.mocked(readCmcOffer).mockRejectedValueOnce(new AppError('network')).mockResolvedValue(choiceOffer)
    const store = useCmcAcceptStore()
    await store.start(link)
    expect(store.view).toBe('unavailable')
    await store.loadOffer()
    expect(store.view).toBe('sign-in')
  })

  it('cancels without writing anything and tells the app user-cancelled', async () => {
    const { store } = await setUp()
    await store.cancel()
    expect(writeCmcRefuse).not.toHaveBeenCalled()
    expect(vi.mocked(handOffCmcResult).mock.calls[0]?.[2]).toEqual({ ok: false, reason: 'user-cancelled' })
    expect([store.view, store.handOff]).toEqual(['ended', 'closed'])
  })
})

describe('cmcAccept store: the answer', () => {
  it('accepts the ticked entries, follows the trigger, signs out, then hands the endpoint to the app', async () => {
    const { store, close } = await signedIn()
    expect(store.view).toBe('offer')
    store.toggle(1, false)
    await store.accept()
    expect(vi.mocked(writeCmcAccept).mock.calls).toEqual([
      [
        session.connection,
        ':_cmc:apps:study',
        { capabilityUrl, grantedPermissions: [{ streamId: 'health', level: 'read' }] },
      ],
    ])
    expect(vi.mocked(followCmcTrigger).mock.calls[0]?.[1]).toBe('accept-1')
    expect(close).toHaveBeenCalledOnce()
    expect(vi.mocked(handOffCmcResult).mock.calls[0]?.[2]).toEqual({
      ok: true,
      acceptEventId: 'accept-1',
      dataGrantApiEndpoint: 'https://grant@bob.example/bob/',
    })
    expect(store.outcome).toEqual({ kind: 'accepted' })
  })

  it('sends no grantedPermissions for an all-or-nothing offer, but the access name and features', async () => {
    const offer = { ...choiceOffer, allowUserChoice: false, features: { chat: true } }
    const { store } = await setUp(offer, { ...link, accessName: 'my study' })
    await store.signIn('bob', 'password-1')
    expect(store.rows.every((row) => row.locked)).toBe(true)
    await store.accept()
    expect(vi.mocked(writeCmcAccept).mock.calls[0]?.[2]).toEqual({
      capabilityUrl,
      accessName: 'my study',
      features: { chat: true },
    })
  })

  it("names the offer's streams as the person does once signed in, and grants the entries as offered", async () => {
    const diary = { streamId: 'diary', level: 'read', defaultName: 'Study journal' }
    const { store } = await setUp({ ...choiceOffer, entries: [{ permission: diary, mandatory: false }] })
    expect(store.rows.map((row) => row.permission)).toEqual([expect.objectContaining({ name: 'Study journal' })])
    await store.signIn('bob', 'password-1')
    await vi.dynamicImportSettled()
    expect(vi.mocked(loadStreamNaming)).toHaveBeenCalledWith(session.connection)
    await vi.waitFor(() =>
      expect(store.rows.map((row) => row.permission)).toEqual([expect.objectContaining({ name: 'My diary' })]),
    )
    await store.accept()
    expect(vi.mocked(writeCmcAccept).mock.calls[0]?.[2]).toEqual({ capabilityUrl, grantedPermissions: [diary] })
  })

  it('writes one answer for a double click', async () => {
    const { store } = await signedIn()
    await Promise.all([store.accept(), store.accept(), store.refuse()])
    expect(writeCmcAccept).toHaveBeenCalledOnce()
    expect(writeCmcRefuse).not.toHaveBeenCalled()
    await store.accept()
    expect(writeCmcAccept).toHaveBeenCalledOnce()
  })

  it('explains a consumed capability after the failed accept, then tells the app with the accept id', async () => {
    vi.mocked(followCmcTrigger).mockResolvedValue(
      trigger('failed', {
        failure: {
          reason: 'cmc-handler-delivery-rejected',
          detail: { body: { error: { data: { id: 'cmc-capability-consumed' } } } },
        },
      }),
    )
    const { store, close } = await signedIn()
    await store.accept()
    expect(store.outcome).toEqual({
      kind: 'failed',
      error: expect.objectContaining({ code: 'cmc-capability-consumed' }),
    })
    expect(close).toHaveBeenCalledOnce()
    expect(handOffCmcResult).not.toHaveBeenCalled()
    await store.accept()
    expect(writeCmcAccept).toHaveBeenCalledOnce()
    store.returnToApp()
    expect(vi.mocked(handOffCmcResult).mock.calls[0]?.[2]).toEqual({
      ok: false,
      reason: 'cmc-capability-consumed',
      acceptEventId: 'accept-1',
    })
  })

  it('ends on cmc-trigger-timeout when the platform never settles', async () => {
    vi.mocked(followCmcTrigger).mockRejectedValue(new AppError('cmc-trigger-timeout'))
    const { store } = await signedIn()
    await store.accept()
    expect(store.outcome).toEqual({ kind: 'failed', error: expect.objectContaining({ code: 'cmc-trigger-timeout' }) })
  })

  it('keeps the offer with a retry when the write failed on the network', async () => {
    vi.mocked(writeCmcAccept).mockRejectedValueOnce(new AppError('network'))
    const { store } = await signedIn()
    await store.accept()
    expect([store.view, store.error?.code]).toEqual(['offer', 'network'])
    await store.accept()
    expect(store.outcome).toEqual({ kind: 'accepted' })
  })

  it('goes back to sign-in when the session expired', async () => {
    vi.mocked(writeCmcAccept).mockRejectedValueOnce(new AppError('session-expired'))
    const { store, close } = await signedIn()
    await store.accept()
    expect(close).toHaveBeenCalledOnce()
    expect(store.view).toBe('sign-in')
  })

  it('reports a refusal as done once the platform took the write (its delivery is not awaited)', async () => {
    const { store, close } = await signedIn()
    await store.refuse()
    expect(vi.mocked(writeCmcRefuse).mock.calls).toEqual([[session.connection, ':_cmc:apps:study', capabilityUrl]])
    expect(followCmcTrigger).not.toHaveBeenCalled()
    expect(close).toHaveBeenCalledOnce()
    expect(vi.mocked(handOffCmcResult).mock.calls[0]?.[2]).toEqual({
      ok: false,
      reason: 'user-refused',
      refuseEventId: 'refuse-1',
    })
    expect(store.outcome).toEqual({ kind: 'refused' })
  })
})

describe('cmcAccept store: what the page says', () => {
  it('is an invalid link naming no host until started', () => {
    freshPlatform(service)
    const store = useCmcAcceptStore()
    expect([store.view, store.notSecureHost, store.requesterPlatform]).toEqual(['invalid', '', null])
    // A link without `mode` nor `returnUrl` is a popup: its result goes back to the opener's page.
    expect(store.destination).toEqual({ kind: 'address', host: 'study.example', flag: null })
  })

  it('names no requester platform for a capability it cannot use', async () => {
    const { store } = await setUp(choiceOffer, { ...link, capabilityUrl: 'http://cap@requester.example/study/' })
    expect(store.requesterPlatform).toBeNull()
  })

  it('keeps the offer shown while a refusal is written', async () => {
    const { store } = await signedIn()
    let written: (refusal: CmcTrigger) => void = () => undefined
    vi.mocked(writeCmcRefuse).mockReturnValue(new Promise((resolve) => (written = resolve)))
    const refusing = store.refuse()
    expect([store.view, store.busyAction]).toEqual(['offer', 'refuse'])
    written({ id: 'refuse-1', status: 'pending', content: {} })
    await refusing
    expect(store.view).toBe('ended')
  })

  it("names where the result goes: the opener's origin, else the popup's returnUrl, or the redirect's returnUrl", async () => {
    const { store } = await setUp()
    expect(store.destination).toEqual({ kind: 'address', host: 'study.example', flag: null })
    vi.mocked(referrerOrigin).mockReturnValue(null)
    await store.start({ ...link, returnUrl: 'https://app.example/done' })
    expect(store.destination).toEqual({ kind: 'address', host: 'app.example', flag: null })
    await store.start({ ...link, mode: 'redirect', returnUrl: 'http://back.example/done' })
    expect(store.destination).toEqual({ kind: 'address', host: 'back.example', flag: 'not-https' })
    await store.start(link)
    expect(store.destination).toEqual({ kind: 'opener' })
  })

  it('shows the MFA and recovery steps of the sign-in', async () => {
    const { store } = await setUp()
    const authSession = useAuthSessionStore()
    authSession.showStep('mfa')
    expect(store.view).toBe('mfa')
    authSession.showStep('recovery')
    expect(store.view).toBe('recovery')
  })

  it('is loading until the offer arrives, and stays idle once signed in', async () => {
    freshPlatform(service)
    stubSignIn(session)
    let arrive: (offer: CmcOffer) => void = () => undefined
    vi.mocked(readCmcOffer).mockReturnValue(new Promise((resolve) => (arrive = resolve)))
    const store = useCmcAcceptStore()
    const starting = store.start(link)
    expect(store.view).toBe('loading')
    arrive(choiceOffer)
    await starting
    await store.signIn('bob', 'password-1')
    expect([store.view, store.status]).toEqual(['offer', 'idle'])
  })

  it('says it follows the platform while an accept waits for it to settle, and not before the write', async () => {
    const { store } = await signedIn()
    let write: (written: CmcTrigger) => void = () => undefined
    let settle: (settled: CmcTrigger) => void = () => undefined
    vi.mocked(writeCmcAccept).mockReturnValue(new Promise((resolve) => (write = resolve)))
    vi.mocked(followCmcTrigger).mockReturnValue(new Promise((resolve) => (settle = resolve)))
    const accepting = store.accept()
    expect([store.view, store.busyAction]).toEqual(['offer', 'accept'])
    write(trigger('pending'))
    await vi.waitFor(() => expect(store.view).toBe('following'))
    settle(trigger('completed', {}))
    await accepting
    expect(store.view).toBe('ended')
  })

  it('leaves following behind after a failed follow-up, so a new write shows the offer first', async () => {
    vi.mocked(followCmcTrigger).mockRejectedValueOnce(new AppError('network'))
    const { store } = await signedIn()
    await store.accept()
    expect([store.view, store.error?.code]).toEqual(['offer', 'network'])
    let write: (written: CmcTrigger) => void = () => undefined
    vi.mocked(writeCmcAccept).mockReturnValue(new Promise((resolve) => (write = resolve)))
    const again = store.accept()
    expect(store.view).toBe('offer')
    write(trigger('pending'))
    await again
  })
})

describe('cmcAccept store: answering rules', () => {
  it('gives no endpoint when the platform names none, and hands off the accept as such', async () => {
    vi.mocked(followCmcTrigger).mockResolvedValue(trigger('completed', {}))
    const { store } = await signedIn()
    await store.accept()
    expect(vi.mocked(handOffCmcResult).mock.calls).toEqual([
      [
        'cmc-accept-result',
        'cmcAcceptResult',
        { ok: true, acceptEventId: 'accept-1', dataGrantApiEndpoint: undefined },
        { mode: 'popup', returnUrl: null },
        ['dataGrantApiEndpoint'],
      ],
    ])
  })

  it('ends on a failed follow-up only for a timeout; another failure keeps the offer', async () => {
    vi.mocked(followCmcTrigger).mockRejectedValueOnce(new AppError('server'))
    const { store } = await signedIn()
    await store.accept()
    expect([store.outcome, store.view, store.error?.code]).toEqual([null, 'offer', 'server'])
    vi.mocked(followCmcTrigger).mockRejectedValueOnce(new TypeError('offline'))
    await store.accept()
    expect([store.outcome, store.error?.code]).toEqual([null, 'network'])
  })

  it('answers nothing without a session, and asks to sign in again', async () => {
    const { store } = await setUp()
    await store.accept()
    await store.refuse()
    expect(store.error?.code).toBe('session-expired')
    expect(writeCmcAccept).not.toHaveBeenCalled()
    expect(writeCmcRefuse).not.toHaveBeenCalled()
  })

  it('answers nothing without a usable capability, even signed in', async () => {
    const { store } = await setUp(choiceOffer, { ...link, capabilityUrl: 'http://cap@requester.example/study/' })
    await store.signIn('bob', 'password-1')
    await store.refuse()
    expect(store.error?.code).toBe('session-expired')
    expect(writeCmcRefuse).not.toHaveBeenCalled()
  })

  it('accepts an offer that names no features', async () => {
    const { store } = await signedIn({ ...choiceOffer, allowUserChoice: false })
    await store.accept()
    expect(vi.mocked(writeCmcAccept).mock.calls[0]?.[2]).toEqual({ capabilityUrl })
  })

  it('cancels once, showing the cancel as running, and not after an answer', async () => {
    const { store } = await signedIn()
    let closed: () => void = () => undefined
    vi.mocked(useAuthSessionStore().close).mockReturnValueOnce(new Promise((resolve) => (closed = resolve)))
    const cancelling = store.cancel()
    expect(store.busyAction).toBe('cancel')
    const second = store.cancel()
    closed()
    await Promise.all([cancelling, second])
    expect(vi.mocked(handOffCmcResult).mock.calls.map((call) => call[2])).toEqual([
      { ok: false, reason: 'user-cancelled' },
    ])
    expect([store.outcome, store.busyAction]).toEqual([{ kind: 'cancelled' }, null])
    await store.cancel()
    await store.refuse()
    expect(handOffCmcResult).toHaveBeenCalledOnce()
  })

  it('tells the app nothing on returning before any failure, and once after one', async () => {
    const { store } = await signedIn()
    store.returnToApp()
    expect(handOffCmcResult).not.toHaveBeenCalled()
    await store.refuse()
    store.returnToApp()
    expect(handOffCmcResult).toHaveBeenCalledOnce()
  })
})
