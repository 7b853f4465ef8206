// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { applyBrandingToHead, setDocumentTitle } from '@/services/documentHead'

const links = () =>
  [...document.head.querySelectorAll('link')].map((link) => [link.rel, link.getAttribute('href'), link.type])

beforeEach(() => document.head.replaceChildren())

describe('applyBrandingToHead', () => {
  it("replaces the page's icon with the platform's, dropping its type", () => {
    document.head.innerHTML =
      '<link rel="stylesheet" href="app.css"><link rel="shortcut icon" type="image/svg+xml" href="ours.svg">'
    applyBrandingToHead({ favicon: 'https://reg.pryv.example/favicon.ico' })
    expect(links()).toEqual([
      ['stylesheet', 'app.css', ''],
      ['icon', 'https://reg.pryv.example/favicon.ico', ''],
    ])
  })

  it('adds an icon when the page has none, and leaves the head alone without a favicon', () => {
    applyBrandingToHead({})
    expect(links()).toEqual([])
    applyBrandingToHead({ favicon: 'https://reg.pryv.example/favicon.ico' })
    expect(links()).toEqual([['icon', 'https://reg.pryv.example/favicon.ico', '']])
  })

  it("adds the platform's stylesheet after ours, once", () => {
    document.head.innerHTML = '<link rel="stylesheet" href="app.css">'
    const branding = { stylesheet: 'https://reg.pryv.example/style.css' }
    applyBrandingToHead(branding)
    applyBrandingToHead(branding)
    expect(links()).toEqual([
      ['stylesheet', 'app.css', ''],
      ['stylesheet', 'https://reg.pryv.example/style.css', ''],
    ])
    const marked = document.head.querySelector('link[data-platform-style]')
    expect([marked?.getAttribute('href'), marked?.getAttribute('data-platform-style')]).toEqual([
      branding.stylesheet,
      '',
    ])
  })
})

describe('setDocumentTitle', () => {
  it('names the tab', () => {
    setDocumentTitle('Pryv Lab')
    expect(document.title).toBe('Pryv Lab')
  })
})
