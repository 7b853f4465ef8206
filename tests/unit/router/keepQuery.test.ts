import { describe, expect, it } from 'vitest'
import { queryToCarry } from '@/router/keepQuery'

describe('queryToCarry', () => {
  it('carries the auth request parameters', () => {
    const query = {
      key: 'k3y',
      poll: 'https://reg.pryv.me/access/k3y',
      lang: 'fr',
      returnURL: ['https://a/', 'https://b/'],
      cli: null,
    }
    expect(queryToCarry(query)).toEqual(query)
  })

  it('never carries the reset token, and leaves the source query alone', () => {
    const from = { resetToken: 'secret', lang: 'en', pryvServiceInfoUrl: 'https://reg.pryv.me/service/info' }
    expect(queryToCarry(from)).toEqual({ lang: 'en', pryvServiceInfoUrl: 'https://reg.pryv.me/service/info' })
    expect(queryToCarry({ resetToken: ['a', 'b'] })).toEqual({})
    expect(from.resetToken).toBe('secret')
  })
})
