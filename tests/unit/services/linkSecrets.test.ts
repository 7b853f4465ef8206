import { describe, expect, it } from 'vitest'
import { keepOutOfAddress, takeFromAddress } from '@/services/linkSecrets'

describe('keepOutOfAddress and takeFromAddress', () => {
  it('answers the same address without the secret, replacing the entry, and gives the secret once', () => {
    const to = { path: '/cmc-accept', query: { capabilityUrl: 'https://cap@r.example/s/', mode: 'popup' }, hash: '' }
    expect(keepOutOfAddress(to, 'capabilityUrl')).toEqual({
      path: '/cmc-accept',
      query: { capabilityUrl: undefined, mode: 'popup' },
      hash: '',
      replace: true,
    })
    expect(takeFromAddress('capabilityUrl')).toBe('https://cap@r.example/s/')
    expect(takeFromAddress('capabilityUrl')).toBeUndefined()
  })

  it('lets an address without the secret through, and keeps the first of repeated values', () => {
    expect(keepOutOfAddress({ path: '/cmc-accept', query: {}, hash: '' }, 'capabilityUrl')).toBe(true)
    keepOutOfAddress({ path: '/x', query: { capabilityUrl: ['first', 'second'] }, hash: '#h' }, 'capabilityUrl')
    expect(takeFromAddress('capabilityUrl')).toBe('first')
  })

  it('takes an empty or valueless secret out of the address too, and keeps nothing for it', () => {
    for (const value of ['', null, [null, 'second'], ['', 'second']]) {
      const answer = keepOutOfAddress(
        { path: '/cmc-accept', query: { capabilityUrl: value }, hash: '' },
        'capabilityUrl',
      )
      expect(answer, JSON.stringify(value)).toEqual({
        path: '/cmc-accept',
        query: { capabilityUrl: undefined },
        hash: '',
        replace: true,
      })
      expect(takeFromAddress('capabilityUrl'), JSON.stringify(value)).toBeUndefined()
    }
  })

  it('takes several names out at once, each kept apart, and leaves the others', () => {
    const to = { path: '/verify-email', query: { verifyToken: 't0k', username: 'ann', lang: 'fr' }, hash: '' }
    expect(keepOutOfAddress(to, 'verifyToken', 'username')).toEqual({
      path: '/verify-email',
      query: { verifyToken: undefined, username: undefined, lang: 'fr' },
      hash: '',
      replace: true,
    })
    expect(takeFromAddress('verifyToken')).toBe('t0k')
    expect(takeFromAddress('username')).toBe('ann')
    expect(
      keepOutOfAddress({ path: '/verify-email', query: { lang: 'fr' }, hash: '' }, 'verifyToken', 'username'),
    ).toBe(true)
  })
})
