// @vitest-environment node
import type { Service } from 'pryv'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@/services/appError'
import { navigateTo } from '@/services/browserWindow'
import { acceptConsent, refuseConsent } from '@/services/oauthConsent'
import type { Session } from '@/services/signIn'
import { loadStreamNaming } from '@/services/streamNames'
import { useAuthSessionStore } from '@/stores/authSession'
import { useOAuthConsentStore } from '@/stores/oauthConsent'
import { freshPlatform, stubSignIn } from './freshPlatform'
import { installFakeWindow } from '../services/fakeWindow'

vi.mock('@/services/oauthConsent', () => ({ acceptConsent: vi.fn(), refuseConsent: vi.fn() }))
vi.mock('@/services/browserWindow', () => ({ navigateTo: vi.fn(() => true), isFramed: () => false }))
vi.mock('@/services/streamNames', async (importOriginal) =>
  (await import('./streamNamingMock')).streamNamesAnswering(importOriginal, [['diary', 'My diary']]),
)

// The platform store reads the page's address: the fake window gives the one jsdom would.
beforeEach(() => void installFakeWindow({ url: 'http://localhost:3000/' }))
afterEach(() => vi.unstubAllGlobals())

const service = {} as Service
const session = { username: 'alice', connection: { token: 'personal-token' } } as Session
const now = 1_800_000_000

/** A signed state as the platform makes it: base64url of the UTF-8 JSON, a dot, a MAC the page cannot check. */
function signedState(offer: Record<string, unknown>): string {
  const json = JSON.stringify({
    clientId: 'study',
    redirectUri: 'https://client.example/cb',
    state: 's',
    exp: now + 300,
    iat: now,
    offer,
  })
  const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(json)))
  return `${base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}.bWFj`
}

const choiceOffer = {
  allowUserChoice: true,
  permissions: [
    { streamId: 'health', level: 'read', mandatory: true },
    { streamId: 'diary', level: 'read' },
  ],
}

function setUp(offer: Record<string, unknown> = choiceOffer) {
  freshPlatform(service)
  const close = stubSignIn(session)
  const store = useOAuthConsentStore()
  const state = signedState(offer)
  store.start({ state, pryvApi: 'http://127.0.0.1:3000/' })
  return { store, close, state }
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(now * 1000)
})
afterEach(() => vi.useRealTimers())

describe('oauthConsent store', () => {
  it("shows the person's stream names once signed in, and grants the offer's entries as they came", async () => {
    const { store } = setUp({
      allowUserChoice: false,
      permissions: [{ streamId: 'diary', level: 'read', defaultName: 'Journal' }],
    })
    expect(store.rows.map((row) => row.permission)).toEqual([expect.objectContaining({ name: 'Journal' })])
    await store.signIn('alice', 'password-1')
    await vi.dynamicImportSettled()
    expect(vi.mocked(loadStreamNaming)).toHaveBeenCalledWith(session.connection)
    await vi.waitFor(() =>
      expect(store.rows.map((row) => row.permission)).toEqual([expect.objectContaining({ name: 'My diary' })]),
    )
    vi.mocked(acceptConsent).mockResolvedValue('https://client.example/cb?code=c')
    await store.accept()
    expect(vi.mocked(acceptConsent).mock.calls[0]?.[1].grantedPermissions).toEqual([
      { streamId: 'diary', level: 'read', defaultName: 'Journal' },
    ])
  })

  it('signs in, sends the locked and ticked entries in offered order without mandatory, signs out, then leaves', async () => {
    const { store, close, state } = setUp()
    expect(store.view).toBe('sign-in')
    await store.signIn('alice', 'password-1')
    expect(store.view).toBe('consent')
    store.toggle(1, false)
    vi.mocked(acceptConsent).mockResolvedValue('https://client.example/cb?code=c')
    await store.accept()
    expect(vi.mocked(acceptConsent).mock.calls).toEqual([
      [
        { pryvApi: 'http://127.0.0.1:3000', state },
        { username: 'alice', userToken: 'personal-token', grantedPermissions: [{ streamId: 'health', level: 'read' }] },
      ],
    ])
    expect(close).toHaveBeenCalledOnce()
    expect(vi.mocked(navigateTo)).toHaveBeenCalledWith('https://client.example/cb?code=c')
    expect(store.view).toBe('leaving')
  })

  it('keeps the signed state out of its state', () => {
    const { store, state } = setUp()
    expect(JSON.stringify(store.$state)).not.toContain(state.split('.')[0])
  })

  it('makes one call for two Accepts in a row', async () => {
    const { store } = setUp()
    await store.signIn('alice', 'password-1')
    vi.mocked(acceptConsent).mockResolvedValue('https://client.example/cb?code=c')
    await Promise.all([store.accept(), store.accept()])
    expect(acceptConsent).toHaveBeenCalledOnce()
  })

  it('never navigates when the call fails, and asks to sign in again when the platform refuses the session', async () => {
    const { store, close } = setUp()
    await store.signIn('alice', 'password-1')
    vi.mocked(acceptConsent).mockRejectedValue(new AppError('session-expired'))
    await store.accept()
    expect(navigateTo).not.toHaveBeenCalled()
    expect(close).toHaveBeenCalledOnce()
    expect([store.view, store.error?.code]).toEqual(['sign-in', 'session-expired'])
  })

  it('refuses a redirect that is not http(s): an error, not a departure', async () => {
    const { store } = setUp()
    vi.mocked(refuseConsent).mockResolvedValue('javascript:alert(1)')
    vi.mocked(navigateTo).mockReturnValueOnce(false)
    await store.refuse()
    expect([store.view, store.error?.code]).toEqual(['sign-in', 'unexpected-answer'])
  })

  it("shows the request as expired once its time is over, by the page's clock or by the platform's answer", async () => {
    const { store } = setUp()
    expect(store.secondsLeft).toBe(300)
    vi.advanceTimersByTime(300_000)
    expect(store.view).toBe('expired')

    const again = setUp()
    await again.store.signIn('alice', 'password-1')
    vi.mocked(acceptConsent).mockRejectedValue(new AppError('consent-expired'))
    await again.store.accept()
    expect(again.store.view).toBe('expired')
  })

  it('locks every entry of an all-or-nothing offer, and grants nothing when all optional entries are unticked', () => {
    const { store } = setUp({
      permissions: [
        { streamId: 'a', level: 'read' },
        { streamId: 'b', level: 'read' },
      ],
    })
    expect(store.rows.map((row) => row.locked)).toEqual([true, true])
    const choice = setUp({ allowUserChoice: true, permissions: [{ streamId: 'a', level: 'read' }] }).store
    choice.toggle(0, false)
    expect(choice.granted).toEqual([])
  })

  it('explains a link without pryvApi or with an unreadable state, and trusts pryvApi like any platform', () => {
    const platform = freshPlatform(service)
    const store = useOAuthConsentStore()
    store.start({ state: signedState(choiceOffer) })
    expect([store.view, store.invalidReason]).toEqual(['invalid', 'missing'])
    store.start({ state: 'garbage', pryvApi: 'https://evil.example' })
    expect([store.view, store.invalidReason]).toEqual(['invalid', 'garbled'])
    expect(platform.untrusted).toEqual({ role: 'api', host: 'evil.example' })
  })
})

describe('oauthConsent store: steps and clock', () => {
  it('is an invalid link until started', () => {
    freshPlatform(service)
    const store = useOAuthConsentStore()
    expect([store.view, store.invalidReason, store.request]).toEqual(['invalid', 'missing', null])
  })

  it('shows the MFA and recovery steps of the sign-in, and stays idle once signed in', async () => {
    const { store } = setUp()
    const authSession = useAuthSessionStore()
    authSession.showStep('mfa')
    expect(store.view).toBe('mfa')
    authSession.showStep('recovery')
    expect(store.view).toBe('recovery')
    await store.signIn('alice', 'password-1')
    expect([store.view, store.status]).toEqual(['consent', 'idle'])
  })

  it("shows the request as expired when the platform says so, before the page's clock does", async () => {
    const { store, close } = setUp()
    await store.signIn('alice', 'password-1')
    vi.mocked(acceptConsent).mockRejectedValue(new AppError('consent-expired'))
    await store.accept()
    expect(store.secondsLeft).toBe(300)
    expect(store.view).toBe('expired')
    expect(close).toHaveBeenCalledOnce()
  })

  it('stops its clock once the request expired, once it leaves, and never starts one for an invalid link', async () => {
    setUp()
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(301_000)
    expect(vi.getTimerCount()).toBe(0)

    const leaving = setUp()
    vi.mocked(refuseConsent).mockResolvedValue('https://client.example/cb?error=access_denied')
    await leaving.store.refuse()
    vi.advanceTimersByTime(1000)
    expect(vi.getTimerCount()).toBe(0)

    freshPlatform(service)
    useOAuthConsentStore().start({ state: 'garbage', pryvApi: 'http://127.0.0.1:3000/' })
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('oauthConsent store: answering', () => {
  it('sends nothing without both the state and pryvApi', async () => {
    for (const query of [{ pryvApi: 'http://127.0.0.1:3000/' }, { state: signedState(choiceOffer) }]) {
      freshPlatform(service)
      const store = useOAuthConsentStore()
      store.start(query)
      await store.refuse()
      expect(refuseConsent, JSON.stringify(query)).not.toHaveBeenCalled()
    }
  })

  it('keeps the button of the running call, whatever else is clicked meanwhile', async () => {
    const { store } = setUp()
    await store.signIn('alice', 'password-1')
    let answer: (redirect: string) => void = () => undefined
    vi.mocked(acceptConsent).mockReturnValue(new Promise((resolve) => (answer = resolve)))
    const accepting = store.accept()
    const refusing = store.refuse()
    expect(store.busyAction).toBe('accept')
    await refusing
    expect(store.busyAction).toBe('accept')
    answer('https://client.example/cb?code=c')
    await accepting
    expect(refuseConsent).not.toHaveBeenCalled()
  })

  it('shows which button runs while refusing', async () => {
    const { store } = setUp()
    vi.mocked(refuseConsent).mockResolvedValue('https://client.example/cb?error=access_denied')
    const refusing = store.refuse()
    expect(store.busyAction).toBe('refuse')
    await refusing
    expect(store.busyAction).toBeNull()
  })

  it('asks to sign in again when Accept comes without a session or its token', async () => {
    const { store } = setUp()
    await store.accept()
    expect(store.error?.code).toBe('session-expired')
    useAuthSessionStore().session = { username: 'alice', connection: {} } as Session
    await store.accept()
    expect(store.error?.code).toBe('session-expired')
    expect(acceptConsent).not.toHaveBeenCalled()
  })
})
