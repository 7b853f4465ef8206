// @vitest-environment node
import type { Service } from 'pryv'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/services/appError'
import { handOffCmcResult } from '@/services/cmc/cmcHandOff'
import { findDataGrant, findScopeAnswer, loadScopeCase, type ScopeCase } from '@/services/cmc/cmcScopeRequest'
import { followCmcTrigger, writeCmcTrigger } from '@/services/cmc/cmcTrigger'
import type { Session } from '@/services/signIn'
import { loadStreamNaming } from '@/services/streamNames'
import { useAuthSessionStore } from '@/stores/authSession'
import { useCmcScopeUpdateStore } from '@/stores/cmcScopeUpdate'
import { freshPlatform } from './freshPlatform'
import { installFakeWindow } from '../services/fakeWindow'

vi.mock('@/services/cmc/cmcScopeRequest', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/services/cmc/cmcScopeRequest')>()),
  loadScopeCase: vi.fn(),
  findScopeAnswer: vi.fn(),
  findDataGrant: vi.fn(),
}))
vi.mock('@/services/cmc/cmcTrigger', () => ({ writeCmcTrigger: vi.fn(), followCmcTrigger: vi.fn() }))
vi.mock('@/services/cmc/cmcHandOff', () => ({ handOffCmcResult: vi.fn(() => 'navigated') }))
vi.mock('@/services/streamNames', async (importOriginal) =>
  (await import('./streamNamingMock')).streamNamesAnswering(importOriginal, [['health', 'My health']]),
)

// The platform store reads the page's address: the fake window gives the one jsdom would.
beforeEach(() => void installFakeWindow({ url: 'http://localhost:3000/' }))
afterEach(() => vi.unstubAllGlobals())

const service = {} as Service
const session = { username: 'alice', connection: { token: 'personal-token' } } as Session
const collectors = ':_cmc:apps:study:collectors:demo-study--host'
const plumbing = { streamId: collectors, level: 'contribute' }
const health = { streamId: 'health', level: 'read' }
const steps = { streamId: 'steps', level: 'read' }
const link = {
  scopeRequestEventId: 'request-1',
  pryvApi: 'http://127.0.0.1:3000/',
  returnUrl: 'https://app.example/back',
}

function scopeCase(overrides: Partial<ScopeCase['request']> = {}, answerId: string | null = null): ScopeCase {
  return {
    request: {
      id: 'request-1',
      streamId: collectors,
      newPermissions: [health, steps],
      requester: 'study@host',
      ...overrides,
    },
    grant: { id: 'grant-1', permissions: [plumbing, health] },
    answerStreamId: collectors,
    answerId,
  }
}

/** A store whose person signs in at once; the platform answers with `loaded`. */
async function signedIn(loaded: ScopeCase | null = scopeCase()) {
  freshPlatform(service)
  const authSession = useAuthSessionStore()
  vi.spyOn(authSession, 'submitCredentials').mockImplementation(async () => {
    authSession.session = session
    return session
  })
  const close = vi.spyOn(authSession, 'close').mockImplementation(async () => {
    authSession.session = null
  })
  vi.mocked(loadScopeCase).mockResolvedValue(loaded)
  const store = useCmcScopeUpdateStore()
  store.start(link)
  await store.signIn('alice', 'password-1')
  // The names' service is imported lazily, then asked.
  await vi.dynamicImportSettled()
  await flushPromises()
  return { store, close }
}

function settlesWith(status: 'completed' | 'failed', content: Record<string, unknown> = {}) {
  vi.mocked(writeCmcTrigger).mockResolvedValue({ id: 'answer-1', status: 'pending', content: {} })
  vi.mocked(followCmcTrigger).mockResolvedValue({ id: 'answer-1', status, content })
}

beforeEach(() => {
  vi.mocked(findScopeAnswer).mockResolvedValue(null)
  vi.mocked(findDataGrant).mockResolvedValue({ id: 'grant-1', permissions: [plumbing, health, steps] })
})

describe('cmcScopeUpdate store', () => {
  it("names the person's streams by their own names in what would change", async () => {
    const { store } = await signedIn()
    expect(vi.mocked(loadStreamNaming)).toHaveBeenCalledWith(session.connection)
    expect(store.diff?.added).toEqual([steps])
    expect(store.diff?.kept).toEqual([{ ...health, name: 'My health' }])
  })

  it('explains a link without scopeRequestEventId or pryvApi, and asks to sign in otherwise', () => {
    freshPlatform(service)
    const store = useCmcScopeUpdateStore()
    store.start({ pryvApi: link.pryvApi })
    expect(store.view).toBe('invalid')
    store.start({ scopeRequestEventId: 'request-1' })
    expect(store.view).toBe('invalid')
    store.start(link)
    expect(store.view).toBe('sign-in')
  })

  it('trusts pryvApi like any platform: an untrusted one is recorded for the page to refuse', () => {
    const platform = freshPlatform(service)
    useCmcScopeUpdateStore().start({ ...link, pryvApi: 'https://evil.example/' })
    expect(platform.untrusted).toEqual({ role: 'api', host: 'evil.example' })
  })

  it('reads the request once signed in and shows what is added, removed and kept', async () => {
    const { store } = await signedIn(scopeCase({ newPermissions: [steps] }))
    expect(loadScopeCase).toHaveBeenCalledWith(session.connection, 'request-1', undefined)
    expect(store.view).toBe('compare')
    expect(store.diff).toEqual({ added: [steps], removed: [{ ...health, name: 'My health' }], kept: [] })
  })

  it('accepts with accessId and newPermissions, checks the grant, ends the session, then hands the result off', async () => {
    const { store, close } = await signedIn()
    settlesWith('completed')
    await store.accept()
    expect(vi.mocked(writeCmcTrigger).mock.calls).toEqual([
      [
        session.connection,
        collectors,
        'consent/scope-update-cmc',
        { scopeRequestEventId: 'request-1', accept: true, accessId: 'grant-1', newPermissions: [health, steps] },
      ],
    ])
    expect(findDataGrant).toHaveBeenCalledWith(session.connection, collectors)
    expect(close).toHaveBeenCalledOnce()
    expect(close.mock.invocationCallOrder[0]).toBeLessThan(vi.mocked(handOffCmcResult).mock.invocationCallOrder[0]!)
    expect(vi.mocked(handOffCmcResult).mock.calls).toEqual([
      [
        'cmc-scope-update-result',
        'cmcScopeUpdateResult',
        { ok: true, updateEventId: 'answer-1', action: 'accept' },
        { mode: 'redirect', returnUrl: link.returnUrl },
        [],
      ],
    ])
    expect(store.view).toBe('leaving')
  })

  it('reports cmc-scope-update-not-applied when the completed answer left the grant as it was', async () => {
    const { store, close } = await signedIn()
    settlesWith('completed')
    vi.mocked(findDataGrant).mockResolvedValue({ id: 'grant-1', permissions: [plumbing, health] })
    await store.accept()
    expect([store.view, store.error?.code]).toEqual(['failed', 'cmc-scope-update-not-applied'])
    expect(close).toHaveBeenCalledOnce()
    expect(handOffCmcResult).not.toHaveBeenCalled()
    await store.leave()
    expect(vi.mocked(handOffCmcResult).mock.calls[0]?.[2]).toEqual({
      ok: false,
      reason: 'cmc-scope-update-not-applied',
      updateEventId: 'answer-1',
      action: 'accept',
    })
  })

  it("explains a failed trigger by the platform's reason, and never writes a second answer", async () => {
    const { store } = await signedIn()
    settlesWith('failed', { failure: { reason: 'cmc-scope-update-local-apply-failed' } })
    await store.accept()
    expect([store.view, store.error?.code]).toEqual(['failed', 'cmc-scope-apply-failed'])
    await store.accept()
    await store.refuse('', 'en')
    expect(writeCmcTrigger).toHaveBeenCalledOnce()
    expect(findScopeAnswer).toHaveBeenCalledOnce()
    expect([store.view, store.error?.code]).toEqual(['failed', 'cmc-scope-apply-failed'])
  })

  it('makes one write for two Accepts in a row', async () => {
    const { store } = await signedIn()
    settlesWith('completed')
    await Promise.all([store.accept(), store.accept(), store.refuse('', 'en')])
    expect(writeCmcTrigger).toHaveBeenCalledOnce()
  })

  it('refuses with the typed reason in the page language, or with none', async () => {
    const { store } = await signedIn()
    settlesWith('completed')
    await store.refuse('  Pas maintenant.  ', 'fr')
    expect(vi.mocked(writeCmcTrigger).mock.calls[0]?.[3]).toEqual({
      scopeRequestEventId: 'request-1',
      accept: false,
      reason: { fr: 'Pas maintenant.' },
    })
    expect(findDataGrant).not.toHaveBeenCalled()
    expect(vi.mocked(handOffCmcResult).mock.calls[0]?.[2]).toEqual({
      ok: true,
      updateEventId: 'answer-1',
      action: 'refuse',
    })

    const again = await signedIn()
    settlesWith('completed')
    await again.store.refuse('   ', 'en')
    expect(vi.mocked(writeCmcTrigger).mock.calls[0]?.[3]).toEqual({ scopeRequestEventId: 'request-1', accept: false })
  })

  it('looks for an answer from another tab just before writing, and then writes none', async () => {
    const { store, close } = await signedIn()
    vi.mocked(findScopeAnswer).mockResolvedValue('answer-from-tab-2')
    await store.accept()
    expect(findScopeAnswer).toHaveBeenCalledWith(session.connection, [collectors, collectors], 'request-1')
    expect(writeCmcTrigger).not.toHaveBeenCalled()
    expect(store.view).toBe('answered')
    expect(close).toHaveBeenCalledOnce()
  })

  it('shows an answered, expired or unknown kind of request without Accept, and tells the app why on leaving', async () => {
    const answered = await signedIn(scopeCase({}, 'answer-0'))
    expect(answered.store.view).toBe('answered')
    expect(answered.close).toHaveBeenCalledOnce()
    await answered.store.leave()
    expect(vi.mocked(handOffCmcResult).mock.calls[0]?.[2]).toEqual({ ok: false, reason: 'cmc-scope-request-answered' })

    const expired = await signedIn(scopeCase({ expires: Date.now() / 1000 - 1 }))
    expect(expired.store.view).toBe('expired')
    await expired.store.accept()
    expect(writeCmcTrigger).not.toHaveBeenCalled()

    const other = await signedIn(null)
    expect(other.store.view).toBe('not-a-request')
  })

  it('keeps the comparison with the error when the write itself fails, so the person may try again', async () => {
    const { store } = await signedIn()
    vi.mocked(writeCmcTrigger).mockRejectedValueOnce(new AppError('network'))
    await store.accept()
    expect([store.view, store.error?.code]).toEqual(['compare', 'network'])
    settlesWith('completed')
    await store.accept()
    expect(store.view).toBe('leaving')
  })

  it('asks to sign in again when the platform no longer takes the session, then reads the request anew', async () => {
    const { store, close } = await signedIn()
    vi.mocked(findScopeAnswer).mockRejectedValueOnce(new AppError('session-expired'))
    await store.accept()
    expect([store.view, store.error?.code]).toEqual(['sign-in', 'session-expired'])
    expect(close).toHaveBeenCalledOnce()
    await store.signIn('alice', 'password-1')
    await flushPromises()
    expect(loadScopeCase).toHaveBeenCalledTimes(2)
    expect(store.view).toBe('compare')
  })

  it('offers to read again after a failed read, and tells the app the reason on leaving', async () => {
    vi.mocked(loadScopeCase).mockRejectedValueOnce(new AppError('server'))
    const { store } = await signedIn()
    expect([store.view, store.error?.code]).toEqual(['load-failed', 'server'])
    store.retryLoad()
    await flushPromises()
    expect(store.view).toBe('compare')
  })

  it('tells the app once that the person cancelled when they leave from the sign-in', async () => {
    freshPlatform(service)
    const store = useCmcScopeUpdateStore()
    store.start(link)
    await Promise.all([store.leave(), store.leave()])
    expect(vi.mocked(handOffCmcResult).mock.calls).toHaveLength(1)
    expect(vi.mocked(handOffCmcResult).mock.calls[0]?.[2]).toEqual({ ok: false, reason: 'user-cancelled' })
    expect(store.view).toBe('leaving')
  })
})

describe('cmcScopeUpdate store: steps and destination', () => {
  it('is an invalid link with nothing read until started', () => {
    freshPlatform(service)
    const store = useCmcScopeUpdateStore()
    expect([store.view, store.request, store.diff, store.endedOk]).toEqual(['invalid', null, null, false])
  })

  it('trusts no platform for a link without pryvApi', () => {
    const platform = freshPlatform(service)
    useCmcScopeUpdateStore().start({ scopeRequestEventId: 'request-1' })
    expect(platform.untrusted).toBeNull()
  })

  it('names where the result goes: the returnUrl of a redirect, or of a popup without a referrer', () => {
    freshPlatform(service)
    const store = useCmcScopeUpdateStore()
    store.start(link)
    expect(store.destination).toEqual({ kind: 'address', host: 'app.example', flag: null })
    store.start({ ...link, mode: 'popup', returnUrl: 'http://popup.example/back' })
    expect(store.destination).toEqual({ kind: 'address', host: 'popup.example', flag: 'not-https' })
  })

  it("names the opener's origin for a popup, and the returnUrl for a redirect, whatever the referrer", () => {
    installFakeWindow({ url: 'http://localhost:3000/', referrer: 'https://study.example/invite' })
    freshPlatform(service)
    const store = useCmcScopeUpdateStore()
    // A link without `mode` nor `returnUrl` is a popup: its result goes back to the opener's page.
    expect(store.destination).toEqual({ kind: 'address', host: 'study.example', flag: null })
    store.start({ ...link, mode: 'popup' })
    expect(store.destination).toEqual({ kind: 'address', host: 'study.example', flag: null })
    store.start(link)
    expect(store.destination).toEqual({ kind: 'address', host: 'app.example', flag: null })
  })

  it('shows the MFA and recovery steps of the sign-in, and stays idle once signed in', async () => {
    const { store } = await signedIn()
    expect(store.signInStatus).toBe('idle')
    store.start(link)
    const authSession = useAuthSessionStore()
    authSession.showStep('mfa')
    expect(store.view).toBe('mfa')
    authSession.showStep('recovery')
    expect(store.view).toBe('recovery')
  })

  it('signs in on no platform that is not trusted', async () => {
    const platform = freshPlatform(service)
    vi.mocked(platform.trustedService).mockResolvedValue(null)
    const submit = vi.spyOn(useAuthSessionStore(), 'submitCredentials')
    const store = useCmcScopeUpdateStore()
    store.start(link)
    await store.signIn('alice', 'password-1')
    expect(submit).not.toHaveBeenCalled()
    expect(store.view).toBe('sign-in')
  })

  it("reads the request in the link's stream, showing that it loads", async () => {
    freshPlatform(service)
    const authSession = useAuthSessionStore()
    let loaded: (value: ScopeCase | null) => void = () => undefined
    vi.mocked(loadScopeCase).mockReturnValue(new Promise((resolve) => (loaded = resolve)))
    const store = useCmcScopeUpdateStore()
    store.start({ ...link, scopeStreamId: `${collectors}:answers` })
    authSession.session = session
    await flushPromises()
    expect(store.view).toBe('loading')
    expect(vi.mocked(loadScopeCase).mock.calls).toEqual([[session.connection, 'request-1', `${collectors}:answers`]])
    loaded(scopeCase())
    await flushPromises()
    expect(store.view).toBe('compare')
  })

  it('asks to sign in when a read is retried without a session', async () => {
    vi.mocked(loadScopeCase).mockRejectedValueOnce(new AppError('server'))
    const { store } = await signedIn()
    useAuthSessionStore().session = null
    store.retryLoad()
    expect(store.view).toBe('sign-in')
  })
})

describe('cmcScopeUpdate store: expiry and answers', () => {
  it('compares a request that expires later, and ends one whose time has come', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(1_900_000_000_000)
    try {
      const later = await signedIn(scopeCase({ expires: 1_900_000_060 }))
      expect(later.store.view).toBe('compare')
      const now = await signedIn(scopeCase({ expires: 1_900_000_000 }))
      expect(now.store.view).toBe('expired')
    } finally {
      vi.useRealTimers()
    }
  })

  it('writes nothing for a request that expired while the page was open', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(1_900_000_000_000)
    try {
      const { store } = await signedIn(scopeCase({ expires: 1_900_000_060 }))
      vi.setSystemTime(1_900_000_061_000)
      await store.accept()
      expect(writeCmcTrigger).not.toHaveBeenCalled()
      expect(store.view).toBe('expired')
      await store.leave()
      expect(vi.mocked(handOffCmcResult).mock.calls[0]?.[2]).toEqual({ ok: false, reason: 'cmc-scope-request-expired' })
    } finally {
      vi.useRealTimers()
    }
  })

  it('writes nothing before sign-in', async () => {
    freshPlatform(service)
    const store = useCmcScopeUpdateStore()
    store.start(link)
    await store.accept()
    expect(findScopeAnswer).not.toHaveBeenCalled()
  })

  it('keeps the button of the running answer, whatever else is clicked meanwhile', async () => {
    const { store } = await signedIn()
    let none: (value: null) => void = () => undefined
    vi.mocked(findScopeAnswer).mockReturnValue(new Promise((resolve) => (none = resolve)))
    settlesWith('completed')
    const accepting = store.accept()
    await store.refuse('', 'en')
    expect(store.busyAction).toBe('accept')
    none(null)
    await accepting
    expect(vi.mocked(writeCmcTrigger).mock.calls.map((call) => call[3])).toEqual([
      { scopeRequestEventId: 'request-1', accept: true, accessId: 'grant-1', newPermissions: [health, steps] },
    ])
  })

  it('says the result was a success, and stays on the page once a popup result was handed over', async () => {
    const { store } = await signedIn()
    settlesWith('completed')
    vi.mocked(handOffCmcResult).mockReturnValueOnce('closed')
    await store.accept()
    await flushPromises()
    expect([store.view, store.endedOk]).toEqual(['done', true])
    expect(loadScopeCase).toHaveBeenCalledOnce()
  })

  it('tells the app why it got no answer: an unknown request, a failed read, or a cancel after a failed write', async () => {
    const unknown = await signedIn(null)
    await unknown.store.leave()
    expect(vi.mocked(handOffCmcResult).mock.calls.at(-1)?.[2]).toEqual({
      ok: false,
      reason: 'cmc-scope-request-not-found',
    })
    vi.mocked(loadScopeCase).mockRejectedValueOnce(new AppError('server'))
    const unread = await signedIn()
    await unread.store.leave()
    expect(vi.mocked(handOffCmcResult).mock.calls.at(-1)?.[2]).toEqual({ ok: false, reason: 'server' })
    const unwritten = await signedIn()
    vi.mocked(writeCmcTrigger).mockRejectedValueOnce(new AppError('network'))
    await unwritten.store.accept()
    await unwritten.store.leave()
    expect(vi.mocked(handOffCmcResult).mock.calls.at(-1)?.[2]).toEqual({ ok: false, reason: 'user-cancelled' })
    expect(unwritten.store.endedOk).toBe(false)
  })
})
