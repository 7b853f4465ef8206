import { describe, expect, it } from 'vitest'
import type { AccessState } from '@/services/accessState'
import { planFlowEnding, returnParams, withQuery, type EndingContext } from '@/services/flowEnding'

const pollUrl = 'https://reg.pryv.me/access/key-1'
const accepted: AccessState = { status: 'ACCEPTED', username: 'alice', token: 'tok' }

function context(overrides: Partial<EndingContext> = {}): EndingContext {
  return { finalState: accepted, pollUrl, key: 'key-1', cli: false, ...overrides }
}

describe('planFlowEnding at its edges', () => {
  it('follows a REDIRECTED state before any returnURL, and never to a non-web address', () => {
    const redirected: AccessState = { status: 'REDIRECTED', redirectUrl: 'https://app.example/next' }
    expect(planFlowEnding(context({ finalState: redirected, returnURL: 'https://other.example/' }))).toEqual({
      kind: 'redirect',
      url: 'https://app.example/next',
    })
    expect(
      planFlowEnding(
        context({
          finalState: { status: 'REDIRECTED', redirectUrl: 'javascript:alert(1)' },
          returnURL: 'https://other.example/',
        }),
      ),
    ).toEqual({ kind: 'unsafe-target' })
    expect(planFlowEnding(context({ finalState: { status: 'REDIRECTED' } }))).toEqual({ kind: 'unsafe-target' })
  })

  it('ends in cli mode even for a REDIRECTED state', () => {
    expect(
      planFlowEnding(
        context({ cli: true, finalState: { status: 'REDIRECTED', redirectUrl: 'https://app.example/next' } }),
      ),
    ).toEqual({ kind: 'cli' })
  })

  it('closes for an empty returnURL, and refuses a relative one', () => {
    expect(planFlowEnding(context({ returnURL: '' }))).toEqual({ kind: 'close' })
    expect(planFlowEnding(context({ returnURL: '/back' }))).toEqual({ kind: 'unsafe-target' })
    expect(planFlowEnding(context({ returnURL: 'FALSE' }))).toEqual({ kind: 'unsafe-target' })
  })
})

describe('returnParams at its edges', () => {
  it('answers OAuth style for an empty oauthState too, with an empty code without a key', () => {
    expect(returnParams(context({ oauthState: '', key: undefined }))).toEqual([
      ['state', ''],
      ['code', ''],
      ['poll', pollUrl],
    ])
  })

  it('writes numbers and booleans, leaves out objects and absent fields', () => {
    const state = {
      status: 'ACCEPTED',
      count: 0,
      ok: false,
      nested: { a: 1 },
      none: undefined,
    } as unknown as AccessState
    expect(returnParams(context({ finalState: state, key: undefined }))).toEqual([
      ['prYvpoll', pollUrl],
      ['prYvstatus', 'ACCEPTED'],
      ['prYvcount', '0'],
      ['prYvok', 'false'],
    ])
  })
})

describe('withQuery at its edges', () => {
  it('keeps a parameter already there and adds the new one after it', () => {
    expect(withQuery('https://app.example/?a=1', [['a', '2']])).toBe('https://app.example/?a=1&a=2')
  })
  it('refuses what is not an absolute web address', () => {
    expect(withQuery('app.example/back', [['a', '1']])).toBeNull()
  })
})
