import fc from 'fast-check'
import type { Service } from 'pryv'
import { describe, expect, it } from 'vitest'
import { AppError } from '@/services/appError'
import { planFlowEnding } from '@/services/flowEnding'
import { pollUrlForKey } from '@/services/auth/pollUrl'
import { createAccount } from '@/services/register/registration'
import { findUnsafeReturn } from '@/services/trust'
import { userHomeUrl } from '@/services/users'
import { fuzzTimeoutMs } from './fuzzSettings'

// Keys as legacy links carry them: anything, with the path tricks a crafted link would try.
const key = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('.', '..', '%2e%2e', '../x', '/', '?x', '#x', '\\..', 'k3y'),
)
const accessUrl = fc.oneof(
  fc.constantFrom('https://reg.pryv.me/access/', 'http://127.0.0.1:3000/reg/access/'),
  fc.webUrl().map((url) => (url.endsWith('/') ? url : url + '/')),
)
const anyText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'javascript:alert(1)',
    'data:text/html,x',
    '//evil.example/',
    'false',
    ' https://app.example/ ',
    'HTTPS://APP.EXAMPLE/x',
  ),
)

describe('links our pages build from what a link or a platform gives', () => {
  it(
    "builds a poll URL from a key only under the platform's access URL, the key read back unchanged",
    () => {
      fc.assert(
        fc.property(accessUrl, key, (access, candidate) => {
          const built = pollUrlForKey(access, candidate)
          if (built === null) return
          const url = new URL(built)
          const base = new URL(access)
          expect(url.origin).toBe(base.origin)
          expect(url.pathname.startsWith(base.pathname)).toBe(true)
          expect(decodeURIComponent(url.pathname.slice(base.pathname.length))).toBe(candidate)
          expect(url.search + url.hash).toBe('')
        }),
        { numRuns: 500 },
      )
      expect(pollUrlForKey('https://reg.pryv.me/access/', '..')).toBeNull()
      expect(pollUrlForKey('https://reg.pryv.me/access/', '')).toBeNull()
    },
    fuzzTimeoutMs,
  )

  it(
    'refuses a return address up front exactly when the end of the flow would not follow it',
    () => {
      fc.assert(
        fc.property(anyText, (returnURL) => {
          const ending = planFlowEnding({
            finalState: { status: 'REFUSED' },
            pollUrl: 'https://reg.pryv.me/access/k',
            returnURL,
            cli: false,
          })
          expect(findUnsafeReturn(returnURL) !== null).toBe(ending.kind === 'unsafe-target')
        }),
        { numRuns: 500 },
      )
    },
    fuzzTimeoutMs,
  )

  it('leaves for an account home only when the platform gave an http(s) URL', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (endpoint) => {
        const service = { apiEndpointFor: async () => endpoint } as unknown as Service
        try {
          expect(['http:', 'https:']).toContain((await userHomeUrl(service, 'alice')).protocol)
        } catch (err) {
          expect(err).toMatchObject({ code: 'unexpected-answer' })
        }
      }),
    )
  })

  it(
    'turns any refusal of a new account into field problems on form fields and an AppError, never a throw of something else',
    async () => {
      const item = fc.record(
        { param: anyText, path: anyText, message: fc.jsonValue({ maxDepth: 1 }), code: anyText },
        { requiredKeys: [] },
      )
      const errorBody = fc.record(
        {
          id: fc.oneof(fc.string(), fc.constantFrom('item-already-exists', 'invalid-parameters-format')),
          message: fc.jsonValue({ maxDepth: 1 }),
          data: fc.oneof(
            fc.array(item),
            fc.dictionary(fc.constantFrom('username', 'email', 'password', 'hosting', 'x'), fc.string()),
            fc.jsonValue({ maxDepth: 2 }),
          ),
          subErrors: fc.array(item),
        },
        { requiredKeys: [] },
      )
      const thrown = fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({
          status: fc.integer({ min: 400, max: 599 }),
          response: fc.record({ body: fc.record({ error: errorBody }) }),
        }),
      )
      const account = {
        email: 'a@example.com',
        username: 'alice',
        password: 'secret-1',
        hosting: 'h',
        appId: 'app',
        language: 'en',
      }
      await fc.assert(
        fc.asyncProperty(thrown, async (err) => {
          const service = { createUser: async () => Promise.reject(err) } as unknown as Service
          try {
            const result = await createAccount(service, account)
            expect(result.kind).toBe('refused')
            if (result.kind !== 'refused') return
            for (const [field, problem] of Object.entries(result.fields)) {
              expect(['email', 'username', 'password', 'hosting']).toContain(field)
              expect((problem?.platformText ?? '').length).toBeLessThanOrEqual(300)
            }
            expect(result.error).toBeInstanceOf(AppError)
          } catch (caught) {
            expect(caught).toBeInstanceOf(AppError)
          }
        }),
        { numRuns: 300 },
      )
    },
    fuzzTimeoutMs,
  )
})
