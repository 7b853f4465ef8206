import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { navigateTo } from '@/services/browserWindow'
import { closeWindowIfAllowed, postToOpener, referrerOrigin } from '@/services/openerWindow'
import { handOffCmcResult, planCmcDelivery } from '@/services/cmc/cmcHandOff'

vi.mock('@/config', () => ({ config: { trustedAppOrigins: ['https://trusted.example'] } }))
vi.mock('@/services/browserWindow', () => ({ navigateTo: vi.fn() }))
vi.mock('@/services/openerWindow', () => ({
  closeWindowIfAllowed: vi.fn(),
  postToOpener: vi.fn(),
  referrerOrigin: vi.fn(),
}))

const success = { ok: true, acceptEventId: 'trigger-1', dataGrantApiEndpoint: 'https://grant-token@bob.example/bob/' }
const secret = ['dataGrantApiEndpoint']
const trusted = ['https://trusted.example']

function plan(mode: 'popup' | 'redirect', returnUrl: string | null, referrer: string | null) {
  return planCmcDelivery('cmc-accept-result', 'cmcAcceptResult', success, { mode, returnUrl }, secret, {
    referrerOrigin: referrer,
    trustedOrigins: trusted,
  })
}

describe('planCmcDelivery', () => {
  it("posts to the referrer's origin, with the endpoint when that origin is allowlisted", () => {
    expect(plan('popup', 'https://other.example/done', 'https://trusted.example')).toEqual({
      kind: 'post',
      targetOrigin: 'https://trusted.example',
      message: { type: 'cmc-accept-result', ...success },
    })
  })

  it('posts without the endpoint to an origin off the allowlist', () => {
    expect(plan('popup', null, 'https://app.example')).toEqual({
      kind: 'post',
      targetOrigin: 'https://app.example',
      message: { type: 'cmc-accept-result', ok: true, acceptEventId: 'trigger-1' },
    })
  })

  it("falls back to returnUrl's origin without a referrer, and delivers nothing with neither (never '*')", () => {
    expect(plan('popup', 'https://trusted.example/done', null)).toMatchObject({
      targetOrigin: 'https://trusted.example',
    })
    expect(plan('popup', null, null)).toEqual({ kind: 'none' })
  })

  it('redirects with the result as JSON in the query; the endpoint only to an allowlisted returnUrl', () => {
    const toTrusted = plan('redirect', 'https://trusted.example/done?x=1', 'https://elsewhere.example')
    expect(toTrusted.kind).toBe('navigate')
    const url = new URL(toTrusted.kind === 'navigate' ? toTrusted.url : '')
    expect(url.searchParams.get('x')).toBe('1')
    expect(JSON.parse(url.searchParams.get('cmcAcceptResult') ?? '')).toEqual(success)

    const toOther = plan('redirect', 'https://app.example/done', 'https://trusted.example')
    const otherUrl = new URL(toOther.kind === 'navigate' ? toOther.url : '')
    expect(JSON.parse(otherUrl.searchParams.get('cmcAcceptResult') ?? '')).toEqual({
      ok: true,
      acceptEventId: 'trigger-1',
    })
  })

  it('delivers nothing by redirect without a usable returnUrl', () => {
    expect(plan('redirect', null, 'https://trusted.example')).toEqual({ kind: 'none' })
  })

  it('names the result type and query of the scope-update page', () => {
    const delivery = planCmcDelivery(
      'cmc-scope-update-result',
      'cmcScopeUpdateResult',
      { ok: false, reason: 'user-cancelled' },
      { mode: 'redirect', returnUrl: 'https://app.example/' },
      [],
      { referrerOrigin: null, trustedOrigins: [] },
    )
    expect(delivery).toEqual({
      kind: 'navigate',
      url: 'https://app.example/?cmcScopeUpdateResult=%7B%22ok%22%3Afalse%2C%22reason%22%3A%22user-cancelled%22%7D',
    })
  })
})

describe('handOffCmcResult', () => {
  beforeEach(() => {
    vi.mocked(referrerOrigin).mockReturnValue('https://trusted.example')
    vi.mocked(postToOpener).mockReturnValue(true)
    vi.mocked(closeWindowIfAllowed).mockReturnValue(true)
    vi.mocked(navigateTo).mockReturnValue(true)
  })
  afterEach(() => vi.clearAllMocks())

  function handOff(mode: 'popup' | 'redirect', returnUrl: string | null = null) {
    return handOffCmcResult('cmc-accept-result', 'cmcAcceptResult', success, { mode, returnUrl }, secret)
  }

  it('posts to the opener with the configured allowlist, then closes the popup', () => {
    expect(handOff('popup')).toBe('closed')
    expect(postToOpener).toHaveBeenCalledWith({ type: 'cmc-accept-result', ...success }, 'https://trusted.example')
  })

  it('says the window stayed open when the browser keeps it, and undelivered without an opener', () => {
    vi.mocked(closeWindowIfAllowed).mockReturnValue(false)
    expect(handOff('popup')).toBe('left-open')
    vi.mocked(postToOpener).mockReturnValue(false)
    expect(handOff('popup')).toBe('undelivered')
  })

  it('navigates to returnUrl in redirect mode', () => {
    expect(handOff('redirect', 'https://app.example/done')).toBe('navigated')
    expect(vi.mocked(navigateTo).mock.calls[0]?.[0]).toContain('https://app.example/done?cmcAcceptResult=')
    expect(postToOpener).not.toHaveBeenCalled()
    expect(handOff('redirect')).toBe('undelivered')
  })
})
