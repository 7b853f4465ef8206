// @vitest-environment node
import type { Service } from 'pryv'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readCmcOffer } from '@/services/cmc/cmcOffer'
import { useCmcAcceptStore } from '@/stores/cmcAccept'
import { useCmcScopeUpdateStore } from '@/stores/cmcScopeUpdate'
import { FakeOpener, installFakeWindow } from '../services/fakeWindow'
import { freshPlatform } from './freshPlatform'

// The CMC pages' hand-offs, from the store's action to what reaches the opener or the address bar.

vi.mock('@/services/cmc/cmcOffer', () => ({ readCmcOffer: vi.fn() }))

const pryvApi = 'http://127.0.0.1:3000/'
const acceptLink = {
  capabilityUrl: 'https://cap-token@requester.example/study/',
  scopeStreamId: ':_cmc:apps:study',
  pryvApi,
  mode: 'popup',
}
const scopeLink = { scopeRequestEventId: 'request-1', pryvApi, mode: 'popup' }

let opener: FakeOpener

/** A popup the study at `openerOrigin` opened from its page at https://study.example. */
function popupOpenedBy(openerOrigin: string) {
  opener = new FakeOpener(openerOrigin)
  const win = installFakeWindow({
    url: 'http://127.0.0.1:3000/cmc-accept?mode=popup',
    referrer: 'https://study.example/invite',
    opener,
  })
  freshPlatform({} as Service)
  return win
}

beforeEach(() => {
  vi.mocked(readCmcOffer).mockResolvedValue({ requester: 'Study', allowUserChoice: false, entries: [] })
})

afterEach(() => {
  expect(opener.posted.map((post) => post.targetOrigin)).not.toContain('*')
  vi.unstubAllGlobals()
})

describe('CMC accept page, hand-off', () => {
  it('names the opener as the destination, gives it the cancel, and closes', async () => {
    const win = popupOpenedBy('https://study.example')
    const store = useCmcAcceptStore()
    await store.start(acceptLink)
    expect(store.destination).toEqual({ kind: 'address', host: 'study.example', flag: null })
    await store.cancel()
    expect(opener.received).toEqual([{ type: 'cmc-accept-result', ok: false, reason: 'user-cancelled' }])
    expect([store.handOff, win.closed]).toEqual(['closed', true])
  })

  it('gives an opener that moved to another origin nothing', async () => {
    popupOpenedBy('https://elsewhere.example')
    const store = useCmcAcceptStore()
    await store.start(acceptLink)
    await store.cancel()
    expect(opener.posted.map((post) => post.targetOrigin)).toEqual(['https://study.example'])
    expect(opener.received).toEqual([])
  })
})

describe('CMC scope update page, hand-off', () => {
  it('gives the opener the cancel once, and closes', async () => {
    const win = popupOpenedBy('https://study.example')
    const store = useCmcScopeUpdateStore()
    store.start(scopeLink)
    await Promise.all([store.leave(), store.leave()])
    expect(opener.received).toEqual([{ type: 'cmc-scope-update-result', ok: false, reason: 'user-cancelled' }])
    expect([store.view, win.closed]).toEqual(['done', true])
  })

  it('gives an opener that moved to another origin nothing', async () => {
    popupOpenedBy('https://elsewhere.example')
    const store = useCmcScopeUpdateStore()
    store.start(scopeLink)
    await store.leave()
    expect(opener.posted.map((post) => post.targetOrigin)).toEqual(['https://study.example'])
    expect(opener.received).toEqual([])
  })

  it('leads to returnUrl in redirect mode, posting nothing', async () => {
    const win = popupOpenedBy('https://study.example')
    const store = useCmcScopeUpdateStore()
    store.start({ ...scopeLink, mode: 'redirect', returnUrl: 'https://study.example/back' })
    await store.leave()
    const address = new URL(win.location.href)
    expect(address.origin + address.pathname).toBe('https://study.example/back')
    expect(JSON.parse(address.searchParams.get('cmcScopeUpdateResult') ?? '')).toEqual({
      ok: false,
      reason: 'user-cancelled',
    })
    expect(opener.posted).toEqual([])
    expect(store.view).toBe('leaving')
  })
})
