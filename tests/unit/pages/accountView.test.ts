import { describe, expect, it } from 'vitest'
import { accountViewOf } from '@/pages/account/accountView'

describe('accountViewOf', () => {
  it('shows the list at /account and /account/apps, one access at /account/apps/<id>, security, the profile and the data at their own, and nothing else', () => {
    expect(accountViewOf(undefined)).toEqual({ page: 'apps' })
    expect(accountViewOf([])).toEqual({ page: 'apps' })
    expect(accountViewOf(['apps'])).toEqual({ page: 'apps' })
    expect(accountViewOf('apps')).toEqual({ page: 'apps' })
    expect(accountViewOf(['apps', 'ckx1'])).toEqual({ page: 'access', id: 'ckx1' })
    expect(accountViewOf(['apps', 'ckx1', 'more'])).toEqual({ page: 'unknown' })
    expect(accountViewOf(['profile'])).toEqual({ page: 'profile' })
    expect(accountViewOf(['profile', 'x'])).toEqual({ page: 'unknown' })
    expect(accountViewOf(['data'])).toEqual({ page: 'data' })
    expect(accountViewOf(['data', 'x'])).toEqual({ page: 'unknown' })
    expect(accountViewOf(['export'])).toEqual({ page: 'unknown' })
    expect(accountViewOf(['security'])).toEqual({ page: 'security' })
    expect(accountViewOf(['security', 'x'])).toEqual({ page: 'unknown' })
  })
})
