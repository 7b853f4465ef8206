// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { config } from '@/config'
import { handOffCmcResult, type CmcResultQuery, type CmcResultType } from '@/services/cmc/cmcHandOff'
import type { CmcReturn } from '@/services/cmc/cmcReturn'
import { FakeOpener, installFakeWindow, type FakeWindow } from '../fakeWindow'

// The hand-off through the real window modules: what reaches the opener's page, and where the address goes.

const popupPage = 'https://sw.pryv.example/cmc-accept?mode=popup'
const endpoint = 'https://grant-token@bob.pryv.example/bob/'
const accepted = { ok: true, acceptEventId: 'accept-1', dataGrantApiEndpoint: endpoint }
const secretKeys = ['dataGrantApiEndpoint']
const popup: CmcReturn = { mode: 'popup', returnUrl: null }
const pages: Array<[CmcResultType, CmcResultQuery]> = [
  ['cmc-accept-result', 'cmcAcceptResult'],
  ['cmc-scope-update-result', 'cmcScopeUpdateResult'],
]

let openers: FakeOpener[] = []

function openedBy(origin: string, referrer: string, options: { openedByScript?: boolean } = {}) {
  const opener = new FakeOpener(origin)
  openers.push(opener)
  return { opener, win: installFakeWindow({ url: popupPage, referrer, opener, ...options }) }
}

function handOff(
  target: CmcReturn,
  type: CmcResultType = 'cmc-accept-result',
  query: CmcResultQuery = 'cmcAcceptResult',
) {
  return handOffCmcResult(type, query, accepted, target, secretKeys)
}

function addressUnchanged(win: FakeWindow) {
  expect(win.addressChanges).toEqual([])
  expect(win.location.href).toBe(popupPage)
}

beforeEach(() => {
  openers = []
  config.trustedAppOrigins = ['https://trusted.example']
})

afterEach(() => {
  // Whatever happened, the page never let any origin read its result.
  expect(openers.flatMap((opener) => opener.posted.map((post) => post.targetOrigin))).not.toContain('*')
  config.trustedAppOrigins = []
  vi.unstubAllGlobals()
})

describe('handOffCmcResult, popup', () => {
  it.each(pages)("gives %s to the opener at the referrer's origin, then closes the popup", (type, query) => {
    const { opener, win } = openedBy('https://study.example', 'https://study.example/invite?x=1')
    expect(handOff(popup, type, query)).toBe('closed')
    expect(opener.received).toEqual([{ type, ok: true, acceptEventId: 'accept-1' }])
    expect(opener.posted.map((post) => post.targetOrigin)).toEqual(['https://study.example'])
    expect([win.closeCalls, win.closed]).toEqual([1, true])
    addressUnchanged(win)
  })

  it('gives the data-grant endpoint to an allowlisted opener only', () => {
    const { opener } = openedBy('https://trusted.example', 'https://trusted.example/app')
    handOff(popup)
    expect(opener.received).toEqual([{ type: 'cmc-accept-result', ...accepted }])
  })

  it.each(pages)('%s reaches nothing once the opener moved to another origin', (type, query) => {
    const { opener, win } = openedBy('https://elsewhere.example', 'https://trusted.example/app')
    expect(handOff(popup, type, query)).toBe('closed')
    expect(opener.posted.map((post) => post.targetOrigin)).toEqual(['https://trusted.example'])
    expect(opener.received).toEqual([])
    addressUnchanged(win)
  })

  it("without a referrer, targets the returnUrl's origin, and a moved opener receives nothing", () => {
    const { opener } = openedBy('https://study.example', '')
    handOff({ mode: 'popup', returnUrl: 'https://study.example/done' })
    expect(opener.received).toEqual([{ type: 'cmc-accept-result', ok: true, acceptEventId: 'accept-1' }])
    const moved = openedBy('https://elsewhere.example', '').opener
    handOff({ mode: 'popup', returnUrl: 'https://study.example/done' })
    expect(moved.posted.map((post) => post.targetOrigin)).toEqual(['https://study.example'])
    expect(moved.received).toEqual([])
  })

  it('posts nothing and keeps the popup open when no origin is known, or without an opener', () => {
    const { opener, win } = openedBy('https://study.example', '')
    expect(handOff(popup)).toBe('undelivered')
    expect(opener.posted).toEqual([])
    expect(win.closeCalls).toBe(0)
    const alone = installFakeWindow({ url: popupPage, referrer: 'https://study.example/', opener: null })
    expect(handOff(popup)).toBe('undelivered')
    expect(alone.closeCalls).toBe(0)
    addressUnchanged(alone)
  })

  it('says the popup stayed open when the browser keeps it, after delivering', () => {
    const { opener, win } = openedBy('https://study.example', 'https://study.example/', { openedByScript: false })
    expect(handOff(popup)).toBe('left-open')
    expect(opener.received).toHaveLength(1)
    expect([win.closeCalls, win.closed]).toEqual([1, false])
  })
})

describe('handOffCmcResult, redirect', () => {
  it.each(pages)('leads to returnUrl with %s in the query, and posts nothing to an opener', (type, query) => {
    const { opener, win } = openedBy('https://study.example', 'https://study.example/')
    expect(handOff({ mode: 'redirect', returnUrl: 'https://study.example/done?step=2' }, type, query)).toBe('navigated')
    expect(win.addressChanges.map((change) => change.kind)).toEqual(['assign'])
    const address = new URL(win.location.href)
    expect(address.origin + address.pathname).toBe('https://study.example/done')
    expect(address.searchParams.get('step')).toBe('2')
    expect(JSON.parse(address.searchParams.get(query) ?? '')).toEqual({ ok: true, acceptEventId: 'accept-1' })
    expect(opener.posted).toEqual([])
    expect(win.closeCalls).toBe(0)
  })

  it('carries the endpoint only to an allowlisted returnUrl', () => {
    const { win } = openedBy('https://study.example', '')
    handOff({ mode: 'redirect', returnUrl: 'https://trusted.example/done' })
    expect(JSON.parse(new URL(win.location.href).searchParams.get('cmcAcceptResult') ?? '')).toEqual(accepted)
  })

  it('stays on the page without a returnUrl', () => {
    const { win } = openedBy('https://study.example', 'https://study.example/')
    expect(handOff({ mode: 'redirect', returnUrl: null })).toBe('undelivered')
    addressUnchanged(win)
  })
})
