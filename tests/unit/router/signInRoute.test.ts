import { describe, expect, it } from 'vitest'
import { signInRoute } from '@/router/signInRoute'

describe('signInRoute', () => {
  it('goes back to the auth request the link carries', () => {
    expect(signInRoute({ poll: 'http://127.0.0.1:3000/reg/access/k1', lang: 'fr' })).toEqual({ name: 'auth' })
    expect(signInRoute({ pollUrl: 'http://127.0.0.1:3000/reg/access/k1' })).toEqual({ name: 'auth' })
    expect(signInRoute({ key: 'k1' })).toEqual({ name: 'auth' })
  })

  it('leads to the sign-in hub otherwise', () => {
    expect(signInRoute({})).toEqual({ name: 'signinhub' })
    expect(signInRoute({ poll: '', lang: 'fr' })).toEqual({ name: 'signinhub' })
  })
})
