import { describe, expect, it } from 'vitest'
import { parseApiTemplate, parseHttpUrl } from '@/services/safeUrl'

describe('parseHttpUrl', () => {
  it('parses absolute http and https addresses, whatever the scheme case, with the spaces around them trimmed', () => {
    expect(parseHttpUrl('https://app.example/a?b=1')?.href).toBe('https://app.example/a?b=1')
    expect(parseHttpUrl('HTTP://app.example/')?.protocol).toBe('http:')
    expect(parseHttpUrl('  https://app.example/x  ')?.href).toBe('https://app.example/x')
    // The URL parser drops only ASCII spaces and controls around a URL; trim() drops every kind.
    expect(parseHttpUrl('\u00a0https://app.example/y\u2028')?.href).toBe('https://app.example/y')
  })

  it('refuses every other value', () => {
    const refused = [
      'javascript:alert(1)',
      'data:text/html,x',
      '//app.example/',
      '/path',
      'https:/app.example',
      'https//app.example',
      'ftp://app.example/',
      'xhttps://app.example/',
      'https://',
      'http://[bad',
      '',
    ]
    for (const value of refused) expect(parseHttpUrl(value), value).toBeNull()
    expect(parseHttpUrl(undefined)).toBeNull()
    expect(parseHttpUrl(null)).toBeNull()
    expect(parseHttpUrl(42 as unknown as string)).toBeNull()
  })
})

describe('parseApiTemplate', () => {
  it("gives {username} a sample name, so a DNS platform's API URL parses", () => {
    expect(parseApiTemplate('https://{username}.pryv.me/')?.hostname).toBe('username.pryv.me')
  })
  it('parses an API URL without the template as it is', () => {
    expect(parseApiTemplate('http://127.0.0.1:3000/{username}/')?.host).toBe('127.0.0.1:3000')
  })
  it('refuses what is not an http(s) URL, and an absent URL', () => {
    expect(parseApiTemplate('{username}.pryv.me')).toBeNull()
    expect(parseApiTemplate(undefined)).toBeNull()
    expect(parseApiTemplate(null)).toBeNull()
  })
})
