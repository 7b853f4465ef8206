import { describe, expect, it } from 'vitest'
import { pickLocalizedText, readLocalizedText } from '@/services/localizedText'

describe('pickLocalizedText', () => {
  const text = { de: 'Studie', en: 'Study', fr: 'Étude' }

  it('takes the page language, then English, then the first language given', () => {
    expect(pickLocalizedText(text, 'fr')).toBe('Étude')
    expect(pickLocalizedText(text, 'it')).toBe('Study')
    expect(pickLocalizedText({ ja: '研究', de: 'Studie' }, 'it')).toBe('研究')
  })

  it('matches a regional language on its language code', () => {
    expect(pickLocalizedText(text, 'fr-CH')).toBe('Étude')
    expect(pickLocalizedText(text, 'DE')).toBe('Studie')
  })

  it('gives nothing for no text', () => {
    expect(pickLocalizedText(undefined, 'en')).toBeUndefined()
  })
})

describe('readLocalizedText', () => {
  it('keeps non-empty strings under 2-3 letter codes', () => {
    expect(readLocalizedText({ en: 'Hi', gsw: 'Grüezi', 'en-US': 'Hi', e: 'x', fr: 2, de: ' ' })).toEqual({
      en: 'Hi',
      gsw: 'Grüezi',
    })
  })

  it('gives nothing for other shapes or when nothing is left', () => {
    for (const value of [undefined, null, 'Hi', ['en'], {}, { EN: 'Hi' }])
      expect(readLocalizedText(value)).toBeUndefined()
  })
})
