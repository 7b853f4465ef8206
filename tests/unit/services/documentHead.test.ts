// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { applyBrandingToHead, removePlatformStyle, setDocumentTitle } from '@/services/documentHead'

const links = () =>
  [...document.head.querySelectorAll('link')].map((link) => [link.rel, link.getAttribute('href'), link.type])

// jsdom fetches no file: each test says whether the platform's stylesheet and logo arrived.
let images: HTMLImageElement[] = []
beforeEach(() => {
  document.head.replaceChildren()
  images = []
  vi.stubGlobal('Image', function fakeImage() {
    const image = document.createElement('img')
    images.push(image)
    return image
  })
})
afterEach(() => vi.unstubAllGlobals())

const platformStyle = () => document.head.querySelector<HTMLLinkElement>('link[data-platform-style]')

describe('applyBrandingToHead', () => {
  it("replaces the page's icon with the platform's, dropping its type", async () => {
    document.head.innerHTML =
      '<link rel="stylesheet" href="app.css"><link rel="shortcut icon" type="image/svg+xml" href="ours.svg">'
    expect(await applyBrandingToHead({ favicon: 'https://reg.pryv.example/favicon.ico' })).toEqual({
      favicon: 'https://reg.pryv.example/favicon.ico',
    })
    expect(links()).toEqual([
      ['stylesheet', 'app.css', ''],
      ['icon', 'https://reg.pryv.example/favicon.ico', ''],
    ])
  })

  it('adds an icon when the page has none, and leaves the head alone without any asset', async () => {
    expect(await applyBrandingToHead({})).toEqual({})
    expect(links()).toEqual([])
    expect(images).toEqual([])
    await applyBrandingToHead({ favicon: 'https://reg.pryv.example/favicon.ico' })
    expect(links()).toEqual([['icon', 'https://reg.pryv.example/favicon.ico', '']])
  })

  it("adds the platform's stylesheet after ours, marked, and resolves once it arrived", async () => {
    document.head.innerHTML = '<link rel="stylesheet" href="app.css">'
    const applying = applyBrandingToHead({ stylesheet: 'https://reg.pryv.example/style.css' })
    expect(links()).toEqual([
      ['stylesheet', 'app.css', ''],
      ['stylesheet', 'https://reg.pryv.example/style.css', ''],
    ])
    expect(platformStyle()?.getAttribute('data-platform-style')).toBe('')
    platformStyle()?.dispatchEvent(new Event('load'))
    expect(await applying).toEqual({ stylesheet: 'https://reg.pryv.example/style.css' })
  })

  it('fetches the logo before it shows, and gives what arrived: a stylesheet or logo that failed is left out', async () => {
    const branding = { stylesheet: 'https://reg.pryv.example/style.css', logo: 'https://reg.pryv.example/logo.svg' }
    const failedStyle = applyBrandingToHead(branding)
    expect(images.map((image) => image.src)).toEqual([branding.logo])
    platformStyle()?.dispatchEvent(new Event('error'))
    images[0]?.dispatchEvent(new Event('load'))
    expect(await failedStyle).toEqual({ logo: branding.logo })

    document.head.replaceChildren()
    const failedLogo = applyBrandingToHead(branding)
    platformStyle()?.dispatchEvent(new Event('load'))
    images[1]?.dispatchEvent(new Event('error'))
    expect(await failedLogo).toEqual({ stylesheet: branding.stylesheet })
  })
})

describe('removePlatformStyle', () => {
  it("takes out the platform's stylesheet only", () => {
    document.head.innerHTML =
      '<link rel="stylesheet" href="app.css"><link rel="stylesheet" href="platform.css" data-platform-style>'
    removePlatformStyle()
    expect(links()).toEqual([['stylesheet', 'app.css', '']])
    removePlatformStyle()
    expect(links()).toEqual([['stylesheet', 'app.css', '']])
  })
})

describe('setDocumentTitle', () => {
  it('names the tab', () => {
    setDocumentTitle('Pryv Lab')
    expect(document.title).toBe('Pryv Lab')
  })
})
