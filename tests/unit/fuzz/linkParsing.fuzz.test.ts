import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseAccessState } from '@/services/accessState'
import { AppError } from '@/services/appError'
import { readAuthQuery } from '@/services/authQuery'
import { consentDescription, describePermission } from '@/services/permissionView'
import { findUntrusted } from '@/services/trust'
import { fuzzTimeoutMs } from './fuzzSettings'

// Anything a link or a platform answer could hold once parsed from JSON or a query string.
const anyJson = fc.jsonValue({ maxDepth: 4 })
const queryValue = fc.oneof(
  fc.string(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.constant(null),
  fc.constant(undefined),
)
const linkQuery = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'poll',
      'pollUrl',
      'key',
      'lang',
      'oauthState',
      'returnURL',
      'cli',
      'pryvServiceInfoUrl',
      'serviceInfo',
    ),
    fc.string(),
  ),
  queryValue,
)
const policy = { pageHost: 'sw.pryv.me', allowlist: ['example.org', 'https://reg.other.example'] }

describe('parsing hostile links and answers never throws anything but an AppError', () => {
  it('reads any query into text values of bounded length', () => {
    fc.assert(
      fc.property(linkQuery, (query) => {
        const link = readAuthQuery(query)
        for (const value of [link.pollUrl, link.key, link.lang, link.oauthState, link.returnURL, link.serviceInfoUrl]) {
          expect(value === undefined || (typeof value === 'string' && value.length > 0 && value.length <= 4096)).toBe(
            true,
          )
        }
        expect(typeof link.cli).toBe('boolean')
      }),
    )
  })

  it('turns any poll answer into a typed state or an unexpected-answer AppError', () => {
    const stateLike = fc.record(
      {
        status: fc.oneof(fc.constantFrom('NEED_SIGNIN', 'ACCEPTED', 'REFUSED', 'ERROR', 'REDIRECTED'), fc.string()),
        key: anyJson,
        requestingAppId: anyJson,
        requestedPermissions: anyJson,
        serviceInfo: anyJson,
        clientData: anyJson,
        returnURL: anyJson,
        oauthState: anyJson,
        expireAfter: anyJson,
        redirectUrl: anyJson,
      },
      { requiredKeys: ['status'] },
    )
    fc.assert(
      fc.property(fc.oneof(anyJson, stateLike), (answer) => {
        try {
          const state = parseAccessState(answer)
          expect(['NEED_SIGNIN', 'ACCEPTED', 'REFUSED', 'ERROR', 'REDIRECTED']).toContain(state.status)
        } catch (err) {
          expect(err).toBeInstanceOf(AppError)
          expect((err as AppError).code).toBe('unexpected-answer')
        }
      }),
    )
  })

  it('puts any permission and any consent message into words or plain text', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('streamId', 'level', 'name', 'defaultName', 'feature', 'setting', 'x'), anyJson),
        (permission) => {
          const view = describePermission(permission)
          expect(['stream', 'feature', 'other']).toContain(view.kind)
          if (view.kind === 'other') expect(view.text.length).toBeLessThanOrEqual(300)
        },
      ),
    )
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('app-web-auth:description', 'other'), anyJson), (clientData) => {
        const text = consentDescription(clientData)
        expect(text === undefined || typeof text === 'string').toBe(true)
      }),
    )
  })

  it(
    'trusts a URL only when it is http(s) on a trusted host, however the URL is dressed up',
    () => {
      const scheme = fc.constantFrom('http://', 'https://', 'HTTPS://', 'javascript:', 'data:', 'ftp://', '//', '')
      const host = fc.oneof(
        fc.constantFrom(
          'pryv.me',
          'reg.pryv.me',
          'pryv.me.evil.example',
          'evilpryv.me',
          'example.org',
          'api.example.org',
          'reg.other.example',
          'other.example',
          'localhost',
          '127.0.0.1',
          '[::1]',
          'evil.example',
          '{username}.pryv.me',
        ),
        fc.domain(),
      )
      const userinfo = fc.constantFrom('', 'pryv.me@', 'user:pw@')
      const rest = fc.constantFrom('', '/', ':8443/reg/', '/access/k3y?x=1', '#frag', '\\evil.example/')
      const url = fc.tuple(scheme, userinfo, host, rest).map((parts) => parts.join(''))
      // The page's site and host allowlist entries cover subdomains; an origin entry covers that exact origin only.
      const trusted = (url: URL) =>
        ['pryv.me', 'example.org'].some((domain) => url.hostname === domain || url.hostname.endsWith('.' + domain)) ||
        url.origin === 'https://reg.other.example' ||
        ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
      fc.assert(
        fc.property(
          fc.constantFrom('poll', 'service-info', 'api', 'register', 'access' as const),
          url,
          (role, candidate) => {
            const untrusted = findUntrusted([{ role, url: candidate }], policy)
            let expected = false
            try {
              const parsed = new URL(candidate.replace('{username}', 'username'))
              expected = /^https?:$/.test(parsed.protocol) && /^https?:\/\//i.test(candidate) && trusted(parsed)
            } catch {
              expected = false
            }
            expect(untrusted === null).toBe(expected)
            if (untrusted) expect(untrusted.host.length).toBeLessThanOrEqual(200)
          },
        ),
        { numRuns: 500 },
      )
    },
    fuzzTimeoutMs,
  )
})
