import { describe, expect, it } from 'vitest'
import { isSupportedLanguage, pickLanguage } from '@/i18n/languages'

describe('pickLanguage', () => {
  it('takes the first supported candidate by primary subtag', () => {
    expect(pickLanguage(['de-CH', 'fr-CH', 'en'], 'en')).toBe('fr')
    expect(pickLanguage([undefined, 'EN_us'], 'fr')).toBe('en')
    expect(pickLanguage(['FR'], 'en')).toBe('fr')
  })

  it('falls back when no candidate is supported', () => {
    expect(pickLanguage(['de', 'it-IT', '', undefined], 'fr')).toBe('fr')
    expect(pickLanguage([], 'en')).toBe('en')
  })
})

describe('isSupportedLanguage', () => {
  it('knows en and fr only', () => {
    expect(['en', 'fr', 'de', 'EN', 'en-US'].map(isSupportedLanguage)).toEqual([true, true, false, false, false])
  })
})
