import { describe, expect, it } from 'vitest'
import { basePathFromLocation } from '@/router/basePath'

describe('basePathFromLocation', () => {
  it('is the folder of the current page', () => {
    expect(basePathFromLocation('/access/access.html')).toBe('/access/')
    expect(basePathFromLocation('/app-web-auth3/access/register.html')).toBe('/app-web-auth3/access/')
    expect(basePathFromLocation('/access/')).toBe('/access/')
  })

  it('is the root for root or odd paths', () => {
    expect(basePathFromLocation('/')).toBe('/')
    expect(basePathFromLocation('/index.html')).toBe('/')
    expect(basePathFromLocation('')).toBe('/')
    expect(basePathFromLocation('access.html')).toBe('/')
  })
})
