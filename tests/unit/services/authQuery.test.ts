import { describe, expect, it } from 'vitest'
import { readAuthQuery } from '@/services/authQuery'

describe('readAuthQuery', () => {
  it('reads the parameters of a platform authUrl', () => {
    expect(
      readAuthQuery({
        lang: 'fr',
        key: 'k3y',
        requestingAppId: 'demo-app',
        poll: 'https://reg.pryv.me/access/k3y',
        poll_rate_ms: '1000',
        serviceInfo: 'https://reg.pryv.me/service/info',
        returnURL: 'https://app.example/cb',
        oauthState: 'st',
      }),
    ).toEqual({
      pollUrl: 'https://reg.pryv.me/access/k3y',
      key: 'k3y',
      lang: 'fr',
      oauthState: 'st',
      returnURL: 'https://app.example/cb',
      cli: false,
      serviceInfoUrl: 'https://reg.pryv.me/service/info',
    })
  })

  it('reads the legacy pollUrl, poll winning when both are given', () => {
    expect(readAuthQuery({ pollUrl: 'https://old/poll' }).pollUrl).toBe('https://old/poll')
    expect(readAuthQuery({ pollUrl: 'https://old/poll', poll: 'https://new/poll' }).pollUrl).toBe('https://new/poll')
  })

  it('prefers pryvServiceInfoUrl over serviceInfo', () => {
    expect(readAuthQuery({ serviceInfo: 'https://a/info', pryvServiceInfoUrl: 'https://b/info' }).serviceInfoUrl).toBe(
      'https://b/info',
    )
  })

  it('is in cli mode only with cli=1', () => {
    expect(readAuthQuery({ cli: '1' }).cli).toBe(true)
    expect(readAuthQuery({ cli: 'true' }).cli).toBe(false)
    expect(readAuthQuery({}).cli).toBe(false)
  })

  it('takes the first of repeated values and ignores empty or non-text ones', () => {
    expect(readAuthQuery({ key: ['first', 'second'] }).key).toBe('first')
    expect(readAuthQuery({ key: [null, 'second'], lang: '', oauthState: 3 })).toMatchObject({
      key: undefined,
      lang: undefined,
      oauthState: undefined,
    })
  })

  it('cuts oversized values to 4096 characters', () => {
    const returnURL = 'https://app.example/?' + 'a'.repeat(5000)
    expect(readAuthQuery({ returnURL }).returnURL).toBe(returnURL.slice(0, 4096))
  })
})
