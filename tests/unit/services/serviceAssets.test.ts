import type { Service } from 'pryv'
import { describe, expect, it } from 'vitest'
import type { ServiceInfo } from '@/services/accessState'
import { loadBranding } from '@/services/serviceAssets'

const info = (definitions?: string): ServiceInfo => ({
  name: 'Lab',
  api: 'https://{username}.lab.example/',
  register: 'https://reg.lab.example/',
  access: 'https://access.lab.example/',
  ...(definitions ? { assets: { definitions } } : {}),
})

// The hosts these tests name are the platform's; evil.example is not.
const policy = { pageHost: 'auth.lab.example', allowlist: ['assets.example', 'cdn.example', 'img.example'] }

/** A Service whose `assets()` gives these definitions (or fails with them when they are an Error), counting calls. */
function serviceWith(definitions: Record<string, unknown> | Error) {
  const calls = { assets: 0 }
  const service = {
    async assets() {
      calls.assets += 1
      if (definitions instanceof Error) throw definitions
      return { get: () => structuredClone(definitions) }
    },
  } as unknown as Service
  return { service, calls }
}

describe('loadBranding', () => {
  it('resolves each asset against baseUrl, else against the definitions file', async () => {
    const withBase = serviceWith({
      baseUrl: 'https://cdn.example/brand/',
      favicon: { default: { url: 'favicon.ico' } },
      css: { default: { url: '/styles/site.css' } },
      logo: { default: { url: 'https://img.example/logo.png' } },
    })
    expect(await loadBranding(withBase.service, info('https://assets.example/lab/index.json'), policy)).toEqual({
      favicon: 'https://cdn.example/brand/favicon.ico',
      stylesheet: 'https://cdn.example/styles/site.css',
      logo: 'https://img.example/logo.png',
    })
    const withoutBase = serviceWith({ baseUrl: null, css: { default: { url: 'default.css' } } })
    expect(await loadBranding(withoutBase.service, info('https://assets.example/lab/index.json'), policy)).toEqual({
      stylesheet: 'https://assets.example/lab/default.css',
    })
  })

  it('keeps only http(s) addresses', async () => {
    const { service } = serviceWith({
      favicon: { default: { url: 'javascript:alert(1)' } },
      css: { default: { url: 'data:text/css,body{}' } },
      logo: { default: { url: 42 } },
    })
    expect(await loadBranding(service, info('https://assets.example/index.json'), policy)).toEqual({})
  })

  it('asks nothing when the platform names no http(s) definitions, and gives nothing when they fail', async () => {
    const none = serviceWith({})
    expect(await loadBranding(none.service, info(), policy)).toEqual({})
    expect(await loadBranding(none.service, info('javascript:alert(1)'), policy)).toEqual({})
    expect(none.calls.assets).toBe(0)
    const failing = serviceWith(new TypeError('Failed to fetch'))
    expect(await loadBranding(failing.service, info('https://assets.example/index.json'), policy)).toEqual({})
    expect(failing.calls.assets).toBe(1)
  })

  it('resolves against the definitions file when baseUrl is empty, and skips an empty or misplaced asset', async () => {
    const { service } = serviceWith({
      baseUrl: '',
      favicon: { default: { url: '' } },
      css: { default: { url: 'site.css' } },
      logo: null,
    })
    expect(await loadBranding(service, info('https://assets.example/lab/index.json'), policy)).toEqual({
      stylesheet: 'https://assets.example/lab/site.css',
    })
  })

  it('gives nothing for assets under a baseUrl that is no address', async () => {
    const { service } = serviceWith({ baseUrl: 'not an address', css: { default: { url: 'site.css' } } })
    expect(await loadBranding(service, info('https://assets.example/lab/index.json'), policy)).toEqual({})
  })

  it('keeps only assets of a trusted platform: a logo or stylesheet from elsewhere could dress the page as another site', async () => {
    const { service } = serviceWith({
      favicon: { default: { url: 'https://evil.example/favicon.ico' } },
      css: { default: { url: 'https://www.lab.example/site.css' } },
      logo: { default: { url: 'https://evil.example/logo.svg' } },
    })
    expect(await loadBranding(service, info('https://assets.example/index.json'), policy)).toEqual({
      stylesheet: 'https://www.lab.example/site.css',
    })
  })
})
