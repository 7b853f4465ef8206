import { describe, expect, it } from 'vitest'
import {
  findUnsafeReturn,
  findUntrusted,
  isLoopbackHost,
  ownSite,
  type TrustCheck,
  type TrustPolicy,
} from '@/services/trust'

// The trust rule's edges, one case each: a mutant that moves an edge fails here.

function untrusted(checks: TrustCheck[], policy: TrustPolicy) {
  return findUntrusted(checks, policy)
}

function trustedPoll(url: string, pageHost: string, allowlist: string[] = []): boolean {
  return untrusted([{ role: 'poll', url }], { pageHost, allowlist }) === null
}

describe('ownSite at its edges', () => {
  it('keeps a two-letter country suffix behind a short second level as part of the host (auth.example.com.au is not .com.au)', () => {
    expect(ownSite('auth.example.com.au')).toBe('example.com.au')
    expect(ownSite('example.com.au')).toBe('example.com.au')
    expect(ownSite('shop.co.uk')).toBe('shop.co.uk')
  })

  it('takes the parent of a three-label host whose second label is long or whose last is not two letters', () => {
    expect(ownSite('sw.pryvio.ch')).toBe('pryvio.ch')
    expect(ownSite('sw.pry.com')).toBe('pry.com')
    expect(ownSite('sw.abcd.ch')).toBe('abcd.ch')
  })

  it('takes the parent of a four-label host even when its last labels look like a country suffix', () => {
    expect(ownSite('auth.my.co.uk')).toBe('my.co.uk')
  })

  it('reads only a last label made of digits alone as part of an IP address', () => {
    expect(ownSite('sw.example.x1')).toBe('example.x1')
    expect(ownSite('sw.example.1x')).toBe('example.1x')
  })

  it('keeps an IPv4 address whole, so its neighbours are not trusted', () => {
    expect(ownSite('192.168.1.20')).toBe('192.168.1.20')
    expect(trustedPoll('https://192.168.1.21/reg/access/k', '192.168.1.20')).toBe(false)
    expect(trustedPoll('https://168.1.20/reg/access/k', '192.168.1.20')).toBe(false)
    expect(trustedPoll('https://192.168.1.20:3000/reg/access/k', '192.168.1.20')).toBe(true)
  })

  it('keeps each shared parent whole, and takes the parent of a deeper host on it', () => {
    for (const parent of [
      'gitlab.io',
      'netlify.app',
      'vercel.app',
      'pages.dev',
      'herokuapp.com',
      'web.app',
      'firebaseapp.com',
      'azurewebsites.net',
      'cloudfront.net',
      'onrender.com',
    ]) {
      expect(ownSite(`tenant.${parent}`), parent).toBe(`tenant.${parent}`)
    }
    expect(ownSite('sw.tenant.github.io')).toBe('tenant.github.io')
  })
})

describe('the page host in the trust rule', () => {
  it('is compared in lowercase', () => {
    expect(trustedPoll('https://reg.pryv.me/access/k', 'SW.PRYV.ME')).toBe(true)
  })

  it('trusts the page on a public-suffix-like host, and not its neighbours under the suffix', () => {
    expect(trustedPoll('https://reg.example.com.au/access/k', 'auth.example.com.au')).toBe(true)
    expect(trustedPoll('https://other.com.au/access/k', 'auth.example.com.au')).toBe(false)
    expect(trustedPoll('https://evil.co.uk/access/k', 'shop.co.uk')).toBe(false)
  })
})

describe('isLoopbackHost at its edges', () => {
  it('takes only four numeric parts after 127', () => {
    for (const host of ['127.0.0', '127.0.0.1.2', '127.a.0.1', '0127.0.0.1', '[::2]', 'localhost.', 'xlocalhost'])
      expect(isLoopbackHost(host), host).toBe(false)
  })
  it('takes brackets off an IPv6 address only at its ends', () => {
    expect(isLoopbackHost('[::1]')).toBe(true)
    expect(isLoopbackHost('::1]')).toBe(true)
    expect(isLoopbackHost('[::1')).toBe(true)
  })
})

describe('schemes and ports', () => {
  const page = 'sw.pryv.me'
  it('trusts http and https on the own site, any port', () => {
    expect(trustedPoll('http://reg.pryv.me/access/k', page)).toBe(true)
    expect(trustedPoll('https://reg.pryv.me:8443/access/k', page)).toBe(true)
  })
  it('names a non-web scheme with its raw value, cut at 200 characters', () => {
    const long = `ws://reg.pryv.me/${'a'.repeat(300)}`
    expect(untrusted([{ role: 'service-info', url: long }], { pageHost: page, allowlist: [] })).toEqual({
      role: 'service-info',
      host: long.slice(0, 200),
    })
  })
  it('names an untrusted host with its port', () => {
    expect(
      untrusted([{ role: 'poll', url: 'https://evil.example:8443/access/k' }], { pageHost: page, allowlist: [] }),
    ).toEqual({ role: 'poll', host: 'evil.example:8443' })
  })
  it('compares an allowlisted origin by scheme, host and port, and an allowlisted host by host only', () => {
    const policy = {
      pageHost: 'auth.example.org',
      allowlist: ['http://127.0.0.2:3000', 'https://reg.partner.org:8443', 'PARTNER.net'],
    }
    expect(trustedPoll('https://reg.partner.org:8443/x', policy.pageHost, policy.allowlist)).toBe(true)
    expect(trustedPoll('https://reg.partner.org/x', policy.pageHost, policy.allowlist)).toBe(false)
    expect(trustedPoll('http://api.partner.net:81/x', policy.pageHost, policy.allowlist)).toBe(true)
    expect(trustedPoll('https://partner.net.evil.example/x', policy.pageHost, policy.allowlist)).toBe(false)
  })
})

describe('the {username} template, by role', () => {
  const policy: TrustPolicy = { pageHost: 'sw.pryv.me', allowlist: [] }
  it('is read in the API URL, whose host it names', () => {
    expect(untrusted([{ role: 'api', url: 'https://{username}.pryv.me/' }], policy)).toBeNull()
    expect(untrusted([{ role: 'api', url: 'https://{username}.evil.example/' }], policy)).toEqual({
      role: 'api',
      host: 'username.evil.example',
    })
  })
  it('is not read in any other URL: there it stays in the host as it came', () => {
    for (const role of ['poll', 'service-info', 'register', 'access'] as const) {
      expect(untrusted([{ role, url: 'https://{username}.evil.example/' }], policy), role).toEqual({
        role,
        host: '{username}.evil.example',
      })
    }
  })
  it('an empty list trusts nothing to refuse', () => {
    expect(untrusted([], policy)).toBeNull()
  })
  it('names a null URL as an empty host', () => {
    expect(untrusted([{ role: 'register', url: null }], policy)).toEqual({ role: 'register', host: '' })
  })
})

describe('findUnsafeReturn', () => {
  it('accepts no return address, "false" and any absolute web address', () => {
    for (const value of [undefined, '', 'false', 'https://app.example/back', 'http://evil.example/'])
      expect(findUnsafeReturn(value), String(value)).toBeNull()
  })
  it('names any other value, cut at 200 characters', () => {
    expect(findUnsafeReturn('javascript:alert(1)')).toEqual({ role: 'return', host: 'javascript:alert(1)' })
    expect(findUnsafeReturn('False')).toEqual({ role: 'return', host: 'False' })
    const long = `/relative/${'a'.repeat(300)}`
    expect(findUnsafeReturn(long)).toEqual({ role: 'return', host: long.slice(0, 200) })
  })
})
