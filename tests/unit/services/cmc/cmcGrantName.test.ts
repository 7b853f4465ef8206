import { describe, expect, it } from 'vitest'
import { grantRequesterName } from '@/services/cmc/cmcGrantName'

describe('grantRequesterName', () => {
  it("is the grant's name as the accept gave it, less the suffix the platform adds to a taken name", () => {
    expect(grantRequesterName('Demo Study', 'accept-event-abcdefgh')).toBe('Demo Study')
    expect(grantRequesterName('Demo Study (abcdefgh)', 'accept-event-abcdefgh')).toBe('Demo Study')
    // Another accept's suffix is part of the name the person sees elsewhere: kept.
    expect(grantRequesterName('Demo Study (12345678)', 'accept-event-abcdefgh')).toBe('Demo Study (12345678)')
    expect(grantRequesterName('Demo Study (abcdefgh)', undefined)).toBe('Demo Study (abcdefgh)')
  })

  it('is none for a name the platform made, or none at all', () => {
    expect(grantRequesterName('cmc:study:demo-study@127.0.0.1:3700', 'accept-1')).toBeUndefined()
    expect(grantRequesterName(undefined, 'accept-1')).toBeUndefined()
    expect(grantRequesterName(' (abcdefgh)', 'accept-event-abcdefgh')).toBeUndefined()
  })
})
