import { describe, expect, it } from 'vitest'
import type { ServiceInfo } from '@/services/accessState'
import { termsOfUse } from '@/services/register/termsOfUse'

const info = (terms: unknown) =>
  ({
    name: 'P',
    api: 'https://{username}.p.io/',
    register: 'https://reg.p.io/',
    access: 'https://access.p.io/',
    terms,
  }) as ServiceInfo

describe('termsOfUse', () => {
  it('links to http(s) terms', () => {
    expect(termsOfUse(info(' https://p.io/terms '))).toEqual({ kind: 'link', url: 'https://p.io/terms' })
  })

  it('shows anything else as text, never as a link', () => {
    expect(termsOfUse(info('javascript:alert(1)'))).toEqual({ kind: 'text', text: 'javascript:alert(1)' })
    expect(termsOfUse(info('Be kind.'))).toEqual({ kind: 'text', text: 'Be kind.' })
  })

  it('says nothing when the platform states no terms', () => {
    expect(termsOfUse(info(undefined))).toBeNull()
    expect(termsOfUse(info(''))).toBeNull()
    expect(termsOfUse(info(42))).toBeNull()
    expect(termsOfUse(null)).toBeNull()
  })

  it('shows the words trimmed, at most 500 characters of them', () => {
    expect(termsOfUse(info('  Be kind.  '))).toEqual({ kind: 'text', text: 'Be kind.' })
    expect(termsOfUse(info('   '))).toBeNull()
    expect(termsOfUse(info('x'.repeat(600)))).toEqual({ kind: 'text', text: 'x'.repeat(500) })
  })
})
