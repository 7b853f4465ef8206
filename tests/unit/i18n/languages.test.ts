import { describe, expect, it } from 'vitest'
import { isSupportedLanguage, pickLanguage } from '@/i18n/languages'

describe('pickLanguage', () => {
  it('takes the first supported candidate by primary subtag', () => {
    expect(pickLanguage(['es-ES', 'fr-CH', 'en'], 'en')).toBe('fr')
    expect(pickLanguage(['de-CH', 'it'], 'en')).toBe('de')
    expect(pickLanguage([undefined, 'EN_us'], 'fr')).toBe('en')
    expect(pickLanguage(['FR'], 'en')).toBe('fr')
  })

  it('falls back when no candidate is supported', () => {
    expect(pickLanguage(['es', 'pt-BR', '', undefined], 'fr')).toBe('fr')
    expect(pickLanguage([], 'en')).toBe('en')
  })
})

describe('isSupportedLanguage', () => {
  it('knows en, fr, de and it only', () => {
    expect(['en', 'fr', 'de', 'it', 'es', 'EN', 'en-US'].map(isSupportedLanguage)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ])
  })
})
