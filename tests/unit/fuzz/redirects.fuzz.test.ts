import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AccessState } from '@/services/accessState'
import { planFlowEnding, returnParams, type EndingContext } from '@/services/flowEnding'
import { fuzzTimeoutMs } from './fuzzSettings'

// Any text an app or a platform could put in a field: separators, encodings, unicode, control characters.
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('&', '=', '#', '?', '%', '%25', '+', ' ', '\u0000', 'a&prYvtoken=stolen'),
)
const finalState: fc.Arbitrary<AccessState> = fc.oneof(
  fc.record({ status: fc.constant('ACCEPTED' as const), username: anyText, token: anyText, apiEndpoint: anyText }),
  fc.record({ status: fc.constant('REFUSED' as const), reasonId: anyText, message: anyText }),
)
const returnURL = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'javascript:alert(1)',
    'data:text/html,x',
    '//evil.example/',
    '/relative',
    'false',
    '',
    ' https://app.example/ ',
  ),
  fc.string(),
)
const context: fc.Arbitrary<EndingContext> = fc.record({
  finalState,
  pollUrl: fc.webUrl(),
  key: fc.option(anyText, { nil: undefined }),
  returnURL: fc.option(returnURL, { nil: undefined }),
  oauthState: fc.option(anyText, { nil: undefined }),
  cli: fc.boolean(),
})

describe('the end of the flow, for any state and return address', () => {
  it(
    'only ever redirects to an http(s) URL that parses and carries every answer field unchanged',
    () => {
      fc.assert(
        fc.property(context, (ending) => {
          const plan = planFlowEnding(ending)
          if (plan.kind !== 'redirect') return
          const target = new URL(plan.url)
          expect(['http:', 'https:']).toContain(target.protocol)
          const original = new URL(String(ending.returnURL).trim())
          expect(target.origin + target.pathname).toBe(original.origin + original.pathname)
          // The app's own query comes first and intact; our parameters follow, each value decoded back as it was.
          const added = returnParams(ending)
          const all = [...target.searchParams]
          expect(all.slice(0, all.length - added.length)).toEqual([...original.searchParams])
          expect(all.slice(all.length - added.length)).toEqual(added)
        }),
        { numRuns: 500 },
      )
    },
    fuzzTimeoutMs,
  )

  it('never redirects for a return address that is not absolute http(s)', () => {
    const unsafe = fc.constantFrom(
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '//evil.example/',
      '/relative',
      'ftp://x/',
      'vbscript:x',
    )
    fc.assert(
      fc.property(context, unsafe, (ending, target) => {
        expect(planFlowEnding({ ...ending, returnURL: target, cli: false }).kind).toBe('unsafe-target')
      }),
    )
  })
})
