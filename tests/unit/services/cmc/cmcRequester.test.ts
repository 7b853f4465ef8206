import { describe, expect, it } from 'vitest'
import { nameRequester } from '@/services/cmc/cmcRequester'

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
