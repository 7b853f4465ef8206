import { describe, expect, it } from 'vitest'
import { formatBytes } from '@/i18n/formatBytes'

describe('formatBytes', () => {
  it('says bytes in words and larger sizes in their largest unit of 1,000, one decimal at most', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes')
    expect(formatBytes(1, 'en')).toBe('1 byte')
    expect(formatBytes(999, 'en')).toBe('999 bytes')
    expect(formatBytes(1000, 'en')).toBe('1 kB')
    expect(formatBytes(2_450_000, 'en')).toBe('2.5 MB')
    expect(formatBytes(3_000_000_000, 'en')).toBe('3 GB')
    expect(formatBytes(5e15, 'en')).toBe('5,000 TB')
  })

  it("follows the language's numbers and never goes below zero", () => {
    expect(formatBytes(1_500_000, 'fr')).toBe('1,5\u202fMo')
    expect(formatBytes(-20, 'en')).toBe('0 bytes')
  })
})
