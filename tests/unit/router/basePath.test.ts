import { describe, expect, it } from 'vitest'
import { accountSections } from '@/components/account/accountLinks'
import { basePathFromLocation } from '@/router/basePath'

describe('basePathFromLocation', () => {
  it('is the folder of the current page', () => {
    expect(basePathFromLocation('/access/access.html')).toBe('/access/')
    expect(basePathFromLocation('/app-web-auth3/access/register.html')).toBe('/app-web-auth3/access/')
    expect(basePathFromLocation('/access/')).toBe('/access/')
  })

  it('is the folder above the account area and its sections, where an access has an address of its own', () => {
    expect(basePathFromLocation('/access/account')).toBe('/access/')
    expect(basePathFromLocation('/access/account/')).toBe('/access/')
    expect(basePathFromLocation('/access/account/apps')).toBe('/access/')
    expect(basePathFromLocation('/access/account/apps/')).toBe('/access/')
    expect(basePathFromLocation('/app-web-auth3/access/account/apps/ckx1')).toBe('/app-web-auth3/access/')
    expect(basePathFromLocation('/access/account.html')).toBe('/access/')
    expect(basePathFromLocation('/access/cmc/approve')).toBe('/access/')
  })

  it('knows every section of the account area, so its address can be reloaded', () => {
    for (const { path } of accountSections) {
      expect(basePathFromLocation(`/access/account/${path}`)).toBe('/access/')
      expect(basePathFromLocation(`/access/account/${path}/`)).toBe('/access/')
    }
  })

  it('keeps a site folder that happens to be named "account"', () => {
    expect(basePathFromLocation('/account/auth')).toBe('/account/')
    expect(basePathFromLocation('/account/access/account/apps/x')).toBe('/account/access/')
  })

  it('is the root for root or odd paths', () => {
    expect(basePathFromLocation('/')).toBe('/')
    expect(basePathFromLocation('/index.html')).toBe('/')
    expect(basePathFromLocation('')).toBe('/')
    expect(basePathFromLocation('access.html')).toBe('/')
  })
})
