// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { closeWindow, isFramed, navigateTo } from '@/services/browserWindow'
import { installFakeWindow } from './fakeWindow'

const page = 'https://sw.pryv.example/access.html?lang=fr'

afterEach(() => vi.unstubAllGlobals())

describe('navigateTo', () => {
  it('leaves for an http(s) address, as the browser would normalize it, in one new history entry', () => {
    const win = installFakeWindow({ url: page })
    expect(navigateTo('  HTTPS://App.Example/back?x=1#top')).toBe(true)
    expect(win.addressChanges).toEqual([{ kind: 'assign', url: 'https://app.example/back?x=1#top' }])
    expect(win.location.href).toBe('https://app.example/back?x=1#top')
    expect(win.urls).toEqual([page, 'https://app.example/back?x=1#top'])
    expect(navigateTo('http://127.0.0.1:3000/')).toBe(true)
    expect(win.location.href).toBe('http://127.0.0.1:3000/')
  })

  it('stays on the page for anything else: script, data, relative or protocol-relative addresses', () => {
    const win = installFakeWindow({ url: page })
    for (const url of ['javascript:alert(1)', 'data:text/html,x', '/back', '//app.example/', 'ftp://app.example/', ''])
      expect(navigateTo(url), url).toBe(false)
    expect(win.addressChanges).toEqual([])
    expect(win.location.href).toBe(page)
  })
})

describe('closeWindow', () => {
  it('closes a popup a script opened, and asks in vain for one the browser keeps', () => {
    const popup = installFakeWindow({ url: page })
    closeWindow()
    expect([popup.closeCalls, popup.closed]).toEqual([1, true])
    const tab = installFakeWindow({ url: page, openedByScript: false })
    closeWindow()
    expect([tab.closeCalls, tab.closed]).toEqual([1, false])
    expect(tab.addressChanges).toEqual([])
  })
})

describe('isFramed', () => {
  it('is false for a top-level page, true inside a frame or when the top window cannot be read', () => {
    installFakeWindow({ url: page })
    expect(isFramed()).toBe(false)
    installFakeWindow({ url: page, framing: 'framed' })
    expect(isFramed()).toBe(true)
    installFakeWindow({ url: page, framing: 'unreadable-top' })
    expect(isFramed()).toBe(true)
  })
})
