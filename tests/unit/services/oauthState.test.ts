// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConsentState, type ConsentRequest } from '@/services/oauthState'
import { signState, type SignedStatePayload } from '../../demo-platform/oauth-state.ts'
import { startDemoPlatform, type RunningServer } from '../../demo-platform/server.ts'

const now = 1_900_000_000

const base: Omit<SignedStatePayload, 'iat' | 'exp'> = {
  clientId: 'demo-etude-zurich',
  redirectUri: 'https://client.example/cb',
  state: 'csrf',
  codeChallenge: 'challenge',
  codeChallengeMethod: 'S256',
  scope: ['cmc:intl'],
  offer: {
    offerName: 'intl',
    capabilityUrl: 'https://secret@requester.example/app/',
    capabilityId: null,
    offerEventId: null,
    allowUserChoice: true,
    permissions: [
      { streamId: 'health', level: 'read', defaultName: 'Santé', mandatory: true },
      { streamId: 'diary', level: 'read' },
      { feature: 'selfRevoke', setting: 'forbidden' },
    ],
    title: { fr: 'Étude à Zürich', en: 'Study in Zürich 🧪', ja: 'チューリッヒの研究' },
    description: { en: 'Read-only access to “sensitive” data.' },
    consent: { en: 'I agree ✅', ja: '同意します ✅' },
    requesterMeta: { displayName: 'Étude à Zürich 🧪', appId: 'zurich' },
  },
}

function signed(payload: Record<string, unknown>): string {
  return signState(payload as Omit<SignedStatePayload, 'iat' | 'exp'>, now)
}

function request(state: string): ConsentRequest {
  const reading = readConsentState(state)
  if (!reading.ok) throw new Error(`not readable: ${reading.reason}`)
  return reading.request
}

function without(record: object, field: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== field))
}

/** A state signed like the platform's, over a payload given as raw text (for shapes JSON.stringify cannot make). */
function withBody(text: string): string {
  const [, mac] = signed(base).split('.')
  return `${Buffer.from(text, 'utf8').toString('base64url')}.${mac ?? ''}`
}

describe('readConsentState', () => {
  it('decodes non-ASCII texts (accents, emoji, Japanese) as the platform signed them', () => {
    expect(request(signed(base))).toEqual({
      clientId: 'demo-etude-zurich',
      redirectUri: 'https://client.example/cb',
      requester: 'Étude à Zürich 🧪',
      title: { fr: 'Étude à Zürich', en: 'Study in Zürich 🧪', ja: 'チューリッヒの研究' },
      description: { en: 'Read-only access to “sensitive” data.' },
      consent: { en: 'I agree ✅', ja: '同意します ✅' },
      entries: [
        { permission: { streamId: 'health', level: 'read', defaultName: 'Santé' }, mandatory: true },
        { permission: { streamId: 'diary', level: 'read' }, mandatory: false },
        { permission: { feature: 'selfRevoke', setting: 'forbidden' }, mandatory: false },
      ],
      allowUserChoice: true,
      expires: now + 300,
    })
  })

  it('reads the username hint and falls back to the client id when the requester has no display name', () => {
    const offer = { ...base.offer, requesterMeta: { displayName: '  ', appId: 'zurich' } }
    const read = request(signed({ ...base, userIdHint: 'demo-user', offer }))
    expect(read.requester).toBe('demo-etude-zurich')
    expect(read.userIdHint).toBe('demo-user')
    expect(request(signed({ ...base, offer: without(base.offer ?? {}, 'requesterMeta') })).requester).toBe(
      'demo-etude-zurich',
    )
  })

  it('treats an absent allowUserChoice as all or nothing', () => {
    const offer = without(base.offer ?? {}, 'allowUserChoice')
    expect(request(signed({ ...base, offer })).allowUserChoice).toBe(false)
    expect(request(signed({ ...base, offer: { ...offer, allowUserChoice: 'yes' } })).allowUserChoice).toBe(false)
  })

  it('keeps only well-formed localized texts', () => {
    const offer = {
      ...base.offer,
      title: { en: 'Study', 'en-US': 'US', fr: 3, de: '' },
      description: 'plain text',
      consent: ['en'],
    }
    const read = request(signed({ ...base, offer }))
    expect(read.title).toEqual({ en: 'Study' })
    expect(read).not.toHaveProperty('description')
    expect(read).not.toHaveProperty('consent')
  })

  it('says when there is no state', () => {
    expect(readConsentState(undefined)).toEqual({ ok: false, reason: 'missing' })
    expect(readConsentState('')).toEqual({ ok: false, reason: 'missing' })
  })

  it('says when the state cannot be read', () => {
    const [body] = signed(base).split('.')
    const garbled = [
      'not a state',
      body ?? '',
      `${body ?? ''}.`,
      `.${body ?? ''}`,
      `${body ?? ''}x.mac`,
      `${Buffer.from([0xc3, 0x28, 0x7b, 0x7d]).toString('base64url')}.mac`,
      withBody('[1, 2]'),
      withBody('null'),
      `x.${signed(base)}`,
      `${signed(base)}.x`,
      withBody('{"clientId": "x", "exp": 1'),
      withBody(JSON.stringify({ ...base, exp: 'soon' })),
      withBody(JSON.stringify({ ...base, clientId: '', exp: now })),
      withBody(JSON.stringify({ ...base, exp: now, offer: { ...base.offer, permissions: [] } })),
      withBody(
        JSON.stringify({
          ...base,
          exp: now,
          offer: { ...base.offer, permissions: [{ streamId: 'a', level: 'read' }, 'read'] },
        }),
      ),
      withBody(JSON.stringify({ ...base, exp: now, offer: { ...base.offer, permissions: 'all' } })),
    ]
    for (const state of garbled) expect(readConsentState(state), state).toEqual({ ok: false, reason: 'garbled' })
  })

  it('tells a state without an offer apart: the flow must restart', () => {
    expect(readConsentState(signed(without(base, 'offer')))).toEqual({ ok: false, reason: 'no-offer' })
  })
})

describe('readConsentState on the demo platform', () => {
  let platform: RunningServer
  beforeAll(async () => {
    platform = await startDemoPlatform({ port: 0 })
  })
  afterAll(() => platform.close())

  it('reads the state of a real /oauth2/authorize redirect', async () => {
    const query = new URLSearchParams({
      client_id: 'demo-etude-zurich',
      redirect_uri: `${platform.url}/demo-oauth-client/callback`,
      response_type: 'code',
      state: 'csrf',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      scope: 'cmc:intl',
      login_hint: 'demo-user',
    })
    const response = await fetch(`${platform.url}/oauth2/authorize?${query.toString()}`, { redirect: 'manual' })
    const state = new URL(response.headers.get('location') ?? '').searchParams.get('state') ?? undefined
    const read = request(state ?? '')
    expect(read).toMatchObject({ requester: 'Étude à Zürich 🧪', userIdHint: 'demo-user', allowUserChoice: true })
    expect(read.title).toMatchObject({ fr: 'Étude à Zürich', ja: 'チューリッヒの研究' })
    expect(read.entries.map((entry) => entry.permission)).toEqual([
      { streamId: 'diary', level: 'read', defaultName: 'Journal' },
      { streamId: 'health', level: 'create-only', defaultName: 'Santé' },
    ])
    expect(read.expires - Date.now() / 1000).toBeGreaterThan(290)
  })
})
