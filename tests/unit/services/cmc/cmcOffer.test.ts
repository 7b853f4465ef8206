import { afterEach, describe, expect, it, vi } from 'vitest'
import { readCmcOffer } from '@/services/cmc/cmcOffer'
import { appErrorOf } from '../jsonFetch'

const capability = { url: 'https://cap-token@requester.example/study/', host: 'requester.example' }

const offerContent = {
  to: null,
  request: {
    title: { en: 'Sleep study', fr: 'Étude du sommeil' },
    description: { en: 'We study sleep.' },
    consent: { en: 'I agree.' },
    permissions: [
      { streamId: 'health', level: 'read', mandatory: true },
      { streamId: 'diary', level: 'read', defaultName: 'Diary' },
    ],
    allowUserChoice: true,
    features: { chat: true },
    expiresAt: 1_900_000_000,
  },
  requesterMeta: { appId: 'sleep-app' },
  requesterUsername: 'demo-study',
  requesterHost: 'requester.example',
}

/** Answers the offer read and the access-info read through `fetch`; records each request. */
function stubCapability(events: unknown, accessInfo: unknown = { expires: 1_800_000_000 }, status = 200) {
  const fetchMock = vi.fn(async (url: string) => {
    const body = url.includes('access-info') ? accessInfo : events
    // The platform adds `meta` to every answer, errors included; pryv needs it.
    return new Response(JSON.stringify({ ...(body as object), meta: { serverTime: 1_700_000_000 } }), {
      status,
      headers: { 'Content-Type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

afterEach(() => vi.unstubAllGlobals())

describe('readCmcOffer', () => {
  it('reads the offer with the token in Authorization, never in the URL', async () => {
    const fetchMock = stubCapability({ events: [{ id: 'e1', content: offerContent }] })
    const offer = await readCmcOffer(capability)
    const urls = fetchMock.mock.calls.map(([url]) => url)
    expect(urls).toEqual([
      'https://requester.example/study/events?types%5B%5D=consent%2Frequest-cmc&limit=1',
      'https://requester.example/study/access-info',
    ])
    for (const call of fetchMock.mock.calls as unknown as Array<[string, RequestInit]>)
      expect(call[1].headers).toMatchObject({ Authorization: 'cap-token' })
    expect(offer).toEqual({
      requester: 'demo-study',
      requesterAccount: 'demo-study@requester.example',
      appId: 'sleep-app',
      title: { en: 'Sleep study', fr: 'Étude du sommeil' },
      description: { en: 'We study sleep.' },
      consent: { en: 'I agree.' },
      entries: [
        { permission: { streamId: 'health', level: 'read' }, mandatory: true },
        { permission: { streamId: 'diary', level: 'read', defaultName: 'Diary' }, mandatory: false },
      ],
      allowUserChoice: true,
      features: { chat: true },
      expiresAt: 1_900_000_000,
      capabilityExpires: 1_800_000_000,
    })
  })

  it("names the requester by its display name, and shows the offer without the capability's expiry", async () => {
    stubCapability(
      { events: [{ id: 'e1', content: { ...offerContent, requesterMeta: { displayName: 'Sleep Lab' } } }] },
      { error: { id: 'unexpected-error' } },
    )
    const offer = await readCmcOffer(capability)
    expect([offer.requester, offer.requesterAccount]).toEqual(['Sleep Lab', 'demo-study@requester.example'])
    expect(offer.capabilityExpires).toBeUndefined()
  })

  it('says the capability expired or never existed on 401', async () => {
    stubCapability({ error: { id: 'invalid-access-token', message: 'expired' } }, undefined, 401)
    expect((await appErrorOf(readCmcOffer(capability))).code).toBe('cmc-capability-invalid')
  })

  it('says the capability is empty without an event, and refuses an offer without permissions', async () => {
    stubCapability({ events: [] })
    expect((await appErrorOf(readCmcOffer(capability))).code).toBe('cmc-capability-empty')
    stubCapability({ events: [{ id: 'e1', content: { ...offerContent, request: { permissions: [] } } }] })
    expect((await appErrorOf(readCmcOffer(capability))).code).toBe('cmc-offer-invalid-permissions')
  })

  it('is a network error when the platform cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    expect((await appErrorOf(readCmcOffer(capability))).code).toBe('network')
  })

  it('says the capability is invalid on 403 too', async () => {
    stubCapability({ error: { id: 'forbidden', message: 'no' } }, undefined, 403)
    expect((await appErrorOf(readCmcOffer(capability))).code).toBe('cmc-capability-invalid')
  })

  it('refuses an offer whose request, permissions or entries are not what an offer holds', async () => {
    const contents = [
      { ...offerContent, request: undefined },
      { ...offerContent, request: { ...offerContent.request, permissions: 'health' } },
      {
        ...offerContent,
        request: { ...offerContent.request, permissions: [...offerContent.request.permissions, 'x'] },
      },
    ]
    for (const content of contents) {
      stubCapability({ events: [{ id: 'e1', content }] })
      expect((await appErrorOf(readCmcOffer(capability))).code).toBe('cmc-offer-invalid-permissions')
    }
    stubCapability({ events: [{ id: 'e1', content: 'an offer' }] })
    expect((await appErrorOf(readCmcOffer(capability))).code).toBe('unexpected-answer')
  })

  it('holds only the fields the offer gives: no choice unless it is `true`, no name, a requester named as it can', async () => {
    const bare = { request: { permissions: [{ streamId: 'health', level: 'read' }], allowUserChoice: 'yes' } }
    stubCapability({ events: [{ id: 'e1', content: bare }] }, {})
    const offer = await readCmcOffer(capability)
    expect(offer).toStrictEqual({
      requester: '?',
      entries: [{ permission: { streamId: 'health', level: 'read' }, mandatory: false }],
      allowUserChoice: false,
    })
  })

  it('keeps only finite numbers as expiry times', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      const request = { ...offerContent.request, expiresAt: '1900000000' }
      const body = url.includes('access-info')
        ? '{"expires":1e999,"meta":{"serverTime":1}}'
        : JSON.stringify({ events: [{ id: 'e1', content: { ...offerContent, request } }], meta: { serverTime: 1 } })
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } })
    })
    vi.stubGlobal('fetch', fetchMock)
    const offer = await readCmcOffer(capability)
    expect([offer.expiresAt, offer.capabilityExpires]).toEqual([undefined, undefined])
    expect(Object.keys(offer)).not.toContain('capabilityExpires')
  })
})
