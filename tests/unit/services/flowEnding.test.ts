import { describe, expect, it } from 'vitest'
import type { AccessState } from '@/services/accessState'
import { planFlowEnding, returnParams, withQuery, type EndingContext } from '@/services/flowEnding'

const pollUrl = 'https://reg.pryv.me/access/key-1'
const accepted: AccessState = {
  status: 'ACCEPTED',
  username: 'alice',
  token: 'tok',
  apiEndpoint: 'https://tok@alice.pryv.me/',
}
const refused: AccessState = { status: 'REFUSED', reasonId: 'REFUSED_BY_USER', message: 'refused by user' }

function context(overrides: Partial<EndingContext> = {}): EndingContext {
  return { finalState: accepted, pollUrl, key: 'key-1', cli: false, ...overrides }
}

function redirectTarget(overrides: Partial<EndingContext>): URL {
  const ending = planFlowEnding(context(overrides))
  if (ending.kind !== 'redirect') throw new Error(`expected a redirect, got ${ending.kind}`)
  return new URL(ending.url)
}

describe('planFlowEnding', () => {
  it('ends in cli mode whatever the returnURL', () => {
    expect(planFlowEnding(context({ cli: true, returnURL: 'https://app.example/' }))).toEqual({ kind: 'cli' })
  })

  it('closes without returnURL or with "false"', () => {
    expect(planFlowEnding(context())).toEqual({ kind: 'close' })
    expect(planFlowEnding(context({ returnURL: 'false' }))).toEqual({ kind: 'close' })
    expect(planFlowEnding(context({ returnURL: '' }))).toEqual({ kind: 'close' })
  })

  it('redirects to returnURL with prYvpoll and prYv<field> for an accepted state, keeping the query', () => {
    const url = redirectTarget({ returnURL: 'https://app.example/done?session=42#top' })
    expect(url.origin + url.pathname).toBe('https://app.example/done')
    expect(url.hash).toBe('#top')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      session: '42',
      prYvpoll: pollUrl,
      prYvkey: 'key-1',
      prYvstatus: 'ACCEPTED',
      prYvusername: 'alice',
      prYvtoken: 'tok',
      prYvapiEndpoint: 'https://tok@alice.pryv.me/',
    })
  })

  it('token-free: leaves the token and the API endpoint out, keeping prYvpoll and the rest', () => {
    const url = redirectTarget({ returnURL: 'https://app.example/done', tokenFree: true })
    expect(Object.fromEntries(url.searchParams)).toEqual({
      prYvpoll: pollUrl,
      prYvkey: 'key-1',
      prYvstatus: 'ACCEPTED',
      prYvusername: 'alice',
    })
  })

  it('sends reasonId and message for a refused state, and skips absent fields', () => {
    const url = redirectTarget({ returnURL: 'https://app.example/', finalState: { status: 'REFUSED', reasonId: 'X' } })
    expect(Object.fromEntries(url.searchParams)).toEqual({
      prYvpoll: pollUrl,
      prYvkey: 'key-1',
      prYvstatus: 'REFUSED',
      prYvreasonId: 'X',
    })
  })

  it('encodes every value so that it round-trips', () => {
    const message = 'a&b=c #d ü 日本 +%'
    const ending = planFlowEnding(context({ returnURL: 'https://app.example/', finalState: { ...refused, message } }))
    expect(ending.kind).toBe('redirect')
    const raw = ending.kind === 'redirect' ? ending.url : ''
    expect(raw).not.toContain('#')
    expect(raw).not.toContain(' ')
    expect(new URL(raw).searchParams.get('prYvmessage')).toBe(message)
    expect(new URL(raw).searchParams.get('prYvpoll')).toBe(pollUrl)
  })

  it('answers OAuth style with state, code and poll when oauthState is set', () => {
    const url = redirectTarget({ returnURL: 'https://app.example/cb?x=1', oauthState: 's t&ate' })
    expect(Object.fromEntries(url.searchParams)).toEqual({ x: '1', state: 's t&ate', code: 'key-1', poll: pollUrl })
    expect([...url.searchParams.keys()].some((name) => name.startsWith('prYv'))).toBe(false)
  })

  it('refuses non-http returnURLs', () => {
    for (const returnURL of ['javascript:alert(1)', 'data:text/html,hi', '//evil.com/cb', '/relative']) {
      expect(planFlowEnding(context({ returnURL })), returnURL).toEqual({ kind: 'unsafe-target' })
    }
  })

  it('follows a REDIRECTED state only to an http(s) URL', () => {
    expect(
      planFlowEnding(
        context({ finalState: { status: 'REDIRECTED', redirectUrl: 'https://core2.pryv.me/access?x=1' } }),
      ),
    ).toEqual({ kind: 'redirect', url: 'https://core2.pryv.me/access?x=1' })
    expect(
      planFlowEnding(context({ finalState: { status: 'REDIRECTED', redirectUrl: 'javascript:alert(1)' } })),
    ).toEqual({ kind: 'unsafe-target' })
    expect(planFlowEnding(context({ finalState: { status: 'REDIRECTED' } }))).toEqual({ kind: 'unsafe-target' })
  })
})

describe('returnParams', () => {
  it('starts with prYvpoll and keeps only scalar fields', () => {
    const finalState = {
      status: 'ACCEPTED',
      username: 'bob',
      extra: { nested: true },
      list: [1],
    } as unknown as AccessState
    expect(returnParams(context({ finalState, key: undefined }))).toEqual([
      ['prYvpoll', pollUrl],
      ['prYvstatus', 'ACCEPTED'],
      ['prYvusername', 'bob'],
    ])
  })
})

describe('withQuery', () => {
  it('appends encoded params to http(s) URLs and rejects the rest', () => {
    expect(
      withQuery('https://app.example/p?a=1', [
        ['b', 'x y'],
        ['c', '&'],
      ]),
    ).toBe('https://app.example/p?a=1&b=x+y&c=%26')
    expect(withQuery('javascript:alert(1)', [['a', 'b']])).toBeNull()
  })
})
