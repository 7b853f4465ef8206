import { describe, expect, it } from 'vitest'
import { readCapabilityUrl } from '@/services/cmc/cmcCapability'

describe('readCapabilityUrl', () => {
  it.each([
    ['https://cap-token@requester.example/study/', 'requester.example'],
    ['http://cap-token@127.0.0.1:3200/demo-study/', '127.0.0.1:3200'],
    ['http://cap-token@localhost:3200/demo-study/', 'localhost:3200'],
  ])('takes %s (https, or loopback) and names its host', (url, host) => {
    expect(readCapabilityUrl(url)).toEqual({ ok: true, capability: { url, host } })
  })

  it('refuses plain http to another host, naming it', () => {
    expect(readCapabilityUrl('http://cap@requester.example:8080/study/')).toEqual({
      ok: false,
      reason: 'not-secure',
      host: 'requester.example:8080',
    })
  })

  it.each([undefined, '', 'https://requester.example/study/', 'javascript:alert(1)', 'https://a:b@requester.example/'])(
    'refuses %s: no token, or not an http(s) URL',
    (url) => {
      expect(readCapabilityUrl(url)).toEqual({ ok: false, reason: 'missing', host: '' })
    },
  )
})
