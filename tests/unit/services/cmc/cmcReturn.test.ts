import { describe, expect, it } from 'vitest'
import { readCmcReturn } from '@/services/cmc/cmcReturn'

describe('readCmcReturn', () => {
  it('keeps the given mode and an absolute http(s) returnUrl', () => {
    expect(readCmcReturn({ mode: 'popup', returnUrl: 'https://app.example/done?x=1' })).toEqual({
      mode: 'popup',
      returnUrl: 'https://app.example/done?x=1',
    })
    expect(readCmcReturn({ mode: 'redirect', returnUrl: 'http://127.0.0.1:8765/done' })).toEqual({
      mode: 'redirect',
      returnUrl: 'http://127.0.0.1:8765/done',
    })
  })

  it('redirects without a mode when a returnUrl is given, and is a popup otherwise', () => {
    expect(readCmcReturn({ returnUrl: 'https://app.example/done' }).mode).toBe('redirect')
    expect(readCmcReturn({})).toEqual({ mode: 'popup', returnUrl: null })
    expect(readCmcReturn({ mode: 'tab' }).mode).toBe('popup')
  })

  it('keeps a given mode against the guess, even redirect without a returnUrl', () => {
    expect(readCmcReturn({ mode: 'redirect' })).toEqual({ mode: 'redirect', returnUrl: null })
    expect(readCmcReturn({ mode: 'popup', returnUrl: 'https://app.example/done' }).mode).toBe('popup')
  })

  it.each(['javascript:alert(1)', '/relative', '//evil.example/x', 'data:text/html,x'])(
    'drops the returnUrl %s (not an absolute http(s) URL) but keeps redirect mode',
    (returnUrl) => {
      expect(readCmcReturn({ returnUrl })).toEqual({ mode: 'redirect', returnUrl: null })
    },
  )
})
