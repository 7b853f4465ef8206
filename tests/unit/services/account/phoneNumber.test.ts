import { describe, expect, it } from 'vitest'
import { maskedPhone, phoneNumberOf } from '@/services/account/phoneNumber'

describe('phoneNumberOf', () => {
  it('keeps + and the digits of a number written with separators, and reads 00 as +', () => {
    expect(phoneNumberOf(' +41 (79) 123-45.89 ')).toBe('+41791234589')
    expect(phoneNumberOf('0041 79 123 45 89')).toBe('+41791234589')
    expect(phoneNumberOf('+123456')).toBe('+123456')
    expect(phoneNumberOf('+41 79 100 45 89')).toBe('+41791004589')
    expect(phoneNumberOf('+123456789012345')).toBe('+123456789012345')
  })

  it('refuses local numbers, letters, too few or too many digits, and a + elsewhere', () => {
    for (const text of [
      '079 123 45 89',
      '+41 79 abc',
      '+12345',
      '+1234567890123456',
      '+41+79123456',
      '',
      '+',
      'x+41791234589',
    ])
      expect(phoneNumberOf(text), text).toBeNull()
  })
})

describe('maskedPhone', () => {
  it('shows the last two digits only', () => {
    expect(maskedPhone('+41 79 123 45 89')).toBe('•••• 89')
    expect(maskedPhone('+12')).toBe('•••• 12')
    expect(maskedPhone('(89)')).toBe('•••• 89')
    expect(maskedPhone('7')).toBe('••••')
    expect(maskedPhone('')).toBe('••••')
  })
})
