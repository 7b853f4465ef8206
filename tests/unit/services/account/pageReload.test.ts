// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { pageWasReloaded } from '@/services/account/pageReload'

afterEach(() => vi.unstubAllGlobals())

/** The browser's performance timeline, holding the page's navigation entry (of `type`) when there is one. */
function browserNavigated(type?: NavigationTimingType): void {
  const navigation = type === undefined ? [] : [{ entryType: 'navigation', name: 'https://account.example/', type }]
  vi.stubGlobal('performance', {
    getEntriesByType: (entryType: string) => (entryType === 'navigation' ? navigation : []),
  })
}

describe('pageWasReloaded', () => {
  it('is true when the person reloaded the page', () => {
    browserNavigated('reload')
    expect(pageWasReloaded()).toBe(true)
  })

  it('is false for a page reached by a link, an address typed in, or back and forward', () => {
    for (const type of ['navigate', 'back_forward'] as const) {
      browserNavigated(type)
      expect(pageWasReloaded()).toBe(false)
    }
  })

  it('is false when the browser keeps no navigation entry', () => {
    browserNavigated()
    expect(pageWasReloaded()).toBe(false)
  })
})
