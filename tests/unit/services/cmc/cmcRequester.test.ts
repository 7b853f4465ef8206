import { describe, expect, it } from 'vitest'
import { grantRequesterName, nameRequester } from '@/services/cmc/cmcRequester'

describe('nameRequester', () => {
  it('names the requester by its display name, its account and host as the detail', () => {
    expect(
      nameRequester({ displayName: 'Demo Study', username: 'demo-study', host: '127.0.0.1:3700' }, 'study'),
    ).toEqual({
      requester: 'Demo Study',
      requesterAccount: 'demo-study@127.0.0.1:3700',
    })
  })

  it('falls back to the username for the name, and gives the account without a host when none is known', () => {
    expect(nameRequester({ username: 'demo-study', host: 'pryv.example.com' }, 'study')).toEqual({
      requester: 'demo-study',
      requesterAccount: 'demo-study@pryv.example.com',
    })
    expect(nameRequester({ displayName: 'Demo Study', username: 'demo-study' }, 'study')).toEqual({
      requester: 'Demo Study',
      requesterAccount: 'demo-study',
    })
  })

  it('uses the fallback and gives no account when the platform named none', () => {
    expect(nameRequester({ host: 'pryv.example.com' }, 'study')).toEqual({ requester: 'study' })
    expect(nameRequester({ displayName: 'Demo Study', host: 'pryv.example.com' }, '?')).toEqual({
      requester: 'Demo Study',
    })
  })
})

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
