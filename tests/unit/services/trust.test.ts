import { describe, expect, it } from 'vitest'
import { findUntrusted, isLoopbackHost, ownSite, type TrustPolicy } from '@/services/trust'

const pryvPage: TrustPolicy = { pageHost: 'sw.pryv.me', allowlist: [] }

function trusted(url: string, policy: TrustPolicy = pryvPage): boolean {
  return findUntrusted([{ role: 'poll', url }], policy) === null
}

describe('isLoopbackHost', () => {
  it('accepts localhost, 127.x.x.x and ::1', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.10.0.3', '[::1]', '::1'])
      expect(isLoopbackHost(host), host).toBe(true)
  })
  it('rejects look-alikes', () => {
    for (const host of ['localhost.evil.com', '127.0.0.1.evil.com', '128.0.0.1', 'mylocalhost'])
      expect(isLoopbackHost(host), host).toBe(false)
  })
})

describe('ownSite', () => {
  it('is the parent domain of the page', () => {
    expect(ownSite('sw.pryv.me')).toBe('pryv.me')
    expect(ownSite('access.sub.example.com')).toBe('sub.example.com')
  })
  it('is the host alone for short hosts, IP addresses and shared parents', () => {
    expect(ownSite('pryv.me')).toBe('pryv.me')
    expect(ownSite('10.0.0.5')).toBe('10.0.0.5')
    expect(ownSite('x.github.io')).toBe('x.github.io')
    expect(ownSite('example.co.uk')).toBe('example.co.uk')
  })
})

describe('findUntrusted', () => {
  it('trusts loopback whatever the page', () => {
    expect(trusted('http://127.0.0.1:3000/reg/access/abc')).toBe(true)
    expect(trusted('http://localhost:4173/')).toBe(true)
    expect(trusted('http://[::1]:3000/')).toBe(true)
  })

  it("trusts the page's own site and its subdomains only", () => {
    expect(trusted('https://reg.pryv.me/access/abc')).toBe(true)
    expect(trusted('https://pryv.me/')).toBe(true)
    expect(trusted('https://a.b.pryv.me/')).toBe(true)
    expect(trusted('https://pryv.me.evil.com/')).toBe(false)
    expect(trusted('https://evilpryv.me/')).toBe(false)
  })

  it('does not trust neighbours on a shared parent', () => {
    const policy = { pageHost: 'x.github.io', allowlist: [] }
    expect(trusted('https://x.github.io/poll', policy)).toBe(true)
    expect(trusted('https://y.github.io/poll', policy)).toBe(false)
    expect(trusted('https://github.io/poll', policy)).toBe(false)
  })

  it('trusts allowlisted hosts with their subdomains', () => {
    const policy = { pageHost: 'auth.example.com', allowlist: ['Pryv.Me'] }
    expect(trusted('https://reg.pryv.me/', policy)).toBe(true)
    expect(trusted('https://pryv.me/', policy)).toBe(true)
    expect(trusted('https://notpryv.me/', policy)).toBe(false)
  })

  it('requires the same scheme, host and port for allowlisted origins', () => {
    const policy = { pageHost: 'auth.example.com', allowlist: ['https://reg.pryv.me'] }
    expect(trusted('https://reg.pryv.me/access/', policy)).toBe(true)
    expect(trusted('http://reg.pryv.me/access/', policy)).toBe(false)
    expect(trusted('https://reg.pryv.me:8443/access/', policy)).toBe(false)
    expect(trusted('https://api.pryv.me/', policy)).toBe(false)
  })

  it('names non-http values as they came', () => {
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,hi',
      '/reg/access/abc',
      '//evil.com/poll',
      'ftp://reg.pryv.me/',
    ]) {
      expect(findUntrusted([{ role: 'poll', url }], pryvPage)).toEqual({ role: 'poll', host: url })
    }
    expect(findUntrusted([{ role: 'access', url: undefined }], pryvPage)).toEqual({ role: 'access', host: '' })
  })

  it('returns the first untrusted URL with its role and host', () => {
    const result = findUntrusted(
      [
        { role: 'service-info', url: 'https://reg.pryv.me/service/info' },
        { role: 'register', url: 'https://evil.com:8080/reg/' },
        { role: 'access', url: 'https://other.com/' },
      ],
      pryvPage,
    )
    expect(result).toEqual({ role: 'register', host: 'evil.com:8080' })
  })

  it('reads the api template with {username} in the host', () => {
    expect(findUntrusted([{ role: 'api', url: 'https://{username}.pryv.me/' }], pryvPage)).toBeNull()
    expect(findUntrusted([{ role: 'api', url: 'https://reg.pryv.me/{username}/' }], pryvPage)).toBeNull()
    expect(findUntrusted([{ role: 'api', url: 'https://{username}.evil.com/' }], pryvPage)).toEqual({
      role: 'api',
      host: 'username.evil.com',
    })
  })
})
