import { describe, expect, it } from 'vitest'
import { formatDuration, formatTimeLeft } from '@/i18n/formatDuration'

describe('formatDuration', () => {
  it('uses the largest unit that divides the duration', () => {
    // French puts a no-break space between number and unit.
    expect(formatDuration(3600, 'fr')).toBe('1\u00a0heure')
    expect(formatDuration(7200, 'en')).toBe('2 hours')
    expect(formatDuration(86400 * 3, 'en')).toBe('3 days')
    expect(formatDuration(86400 * 14, 'en')).toBe('2 weeks')
    expect(formatDuration(5400, 'en')).toBe('90 minutes')
    expect(formatDuration(90, 'en')).toBe('90 seconds')
  })

  it('rounds a fractional duration to one decimal of its largest unit', () => {
    expect(formatDuration(90.5, 'en')).toBe('1.5 minutes')
    expect(formatDuration(0, 'en')).toBe('0 seconds')
  })

  it('never approximates in months: 30 days stay 30 days', () => {
    expect(formatDuration(2592000, 'en')).toBe('30 days')
    expect(formatDuration(2592000, 'fr')).toBe('30\u00a0jours')
    expect(formatDuration(365 * 86400, 'en')).toBe('1 year')
  })
})

describe('formatTimeLeft', () => {
  it('says whole seconds under a minute, else minutes rounded up, never less than one second', () => {
    expect(formatTimeLeft(42.2, 'en')).toBe('43 seconds')
    expect(formatTimeLeft(59, 'en')).toBe('59 seconds')
    expect(formatTimeLeft(60, 'en')).toBe('1 minute')
    expect(formatTimeLeft(61, 'en')).toBe('2 minutes')
    expect(formatTimeLeft(300, 'de')).toBe('5 Minuten')
    expect(formatTimeLeft(0, 'en')).toBe('1 second')
    expect(formatTimeLeft(-3, 'en')).toBe('1 second')
  })
})
