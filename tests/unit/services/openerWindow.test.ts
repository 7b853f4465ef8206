// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { closeWindowIfAllowed, postToOpener, referrerOrigin } from '@/services/openerWindow'
import { FakeOpener, installFakeWindow } from './fakeWindow'

const popup = 'https://sw.pryv.example/cmc-accept?mode=popup'
const result = { type: 'cmc-accept-result', ok: false, reason: 'user-cancelled' }

afterEach(() => vi.unstubAllGlobals())

describe('referrerOrigin', () => {
  it('is the origin of the page that opened this one, without its path or query', () => {
    installFakeWindow({ url: popup, referrer: 'https://study.example:8443/app/start?token=x#h' })
    expect(referrerOrigin()).toBe('https://study.example:8443')
  })

  it('is null when the browser gave no referrer, or one that is not a web page', () => {
    for (const referrer of ['', 'android-app://com.example/', 'about:blank', 'file:///tmp/x.html']) {
      installFakeWindow({ url: popup, referrer })
      expect(referrerOrigin(), referrer).toBeNull()
    }
  })
})

describe('postToOpener', () => {
  it('posts to the opener at the target origin only, and the opener receives it', () => {
    const opener = new FakeOpener('https://study.example')
    installFakeWindow({ url: popup, opener })
    expect(postToOpener(result, 'https://study.example')).toBe(true)
    expect(opener.posted).toEqual([{ message: result, targetOrigin: 'https://study.example', delivered: true }])
    expect(opener.received).toEqual([result])
  })

  it('delivers nothing once the opener moved to another origin', () => {
    const opener = new FakeOpener('https://elsewhere.example')
    installFakeWindow({ url: popup, opener })
    expect(postToOpener(result, 'https://study.example')).toBe(true)
    expect(opener.posted.map((post) => post.targetOrigin)).toEqual(['https://study.example'])
    expect(opener.received).toEqual([])
  })

  it('posts nothing without an opener, or when the opener was closed', () => {
    installFakeWindow({ url: popup, opener: null })
    expect(postToOpener(result, 'https://study.example')).toBe(false)
    const closed = new FakeOpener('https://study.example')
    closed.closed = true
    installFakeWindow({ url: popup, opener: closed })
    expect(postToOpener(result, 'https://study.example')).toBe(false)
    expect(closed.posted).toEqual([])
  })
})

describe('closeWindowIfAllowed', () => {
  it('says the popup closed when a script opened it, and that it stayed when the browser kept it', () => {
    const opened = installFakeWindow({ url: popup })
    expect(closeWindowIfAllowed()).toBe(true)
    expect(opened.closeCalls).toBe(1)
    const linked = installFakeWindow({ url: popup, openedByScript: false })
    expect(closeWindowIfAllowed()).toBe(false)
    expect(linked.closeCalls).toBe(1)
  })
})
