// @vitest-environment node
import { createPinia, setActivePinia } from 'pinia'
import type { Service } from 'pryv'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { config } from '@/config'
import { AppError } from '@/services/appError'
import { isFramed } from '@/services/browserWindow'
import { loadServiceInfo, openService } from '@/services/platform'
import { applyBrandingToHead } from '@/services/documentHead'
import { loadBranding, type Branding } from '@/services/serviceAssets'
import { usePlatformStore } from '@/stores/platform'
import { installFakeWindow } from '../services/fakeWindow'
import { labServiceInfo as info } from './labServiceInfo'

const service = { id: 'opened' } as unknown as Service

vi.mock('@/services/browserWindow', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/services/browserWindow')>()),
  isFramed: vi.fn(() => false),
}))
vi.mock('@/services/platform', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/services/platform')>()),
  openService: vi.fn(),
  loadServiceInfo: vi.fn(),
  adoptServiceInfo: vi.fn(),
}))
// The look's own service runs as it is, over its two steps: the definitions, then the files.
vi.mock('@/services/serviceAssets', () => ({ loadBranding: vi.fn() }))
vi.mock('@/services/documentHead', () => ({
  applyBrandingToHead: vi.fn(),
  removePlatformStyle: vi.fn(),
  setDocumentTitle: vi.fn(),
}))

const branding: Branding = { logo: 'http://127.0.0.1:3000/logo.svg' }
const link = { pryvServiceInfoUrl: 'http://127.0.0.1:3000/reg/service/info' }

/** The platform's files, arriving when the test says so. */
function filesArriving() {
  let arrive: (value: Branding) => void = () => undefined
  vi.mocked(applyBrandingToHead).mockReturnValue(new Promise((resolve) => (arrive = resolve)))
  return (value: Branding) => arrive(value)
}

beforeEach(() => {
  installFakeWindow({ url: 'http://localhost:3000/' })
  vi.clearAllMocks()
  vi.mocked(isFramed).mockReturnValue(false)
  vi.mocked(openService).mockResolvedValue(service)
  vi.mocked(loadServiceInfo).mockResolvedValue(info)
  vi.mocked(loadBranding).mockResolvedValue(branding)
  vi.mocked(applyBrandingToHead).mockImplementation(async (found) => found)
  setActivePinia(createPinia())
})
afterEach(() => vi.unstubAllGlobals())

describe('the platform look', () => {
  it("waits for the platform's files, then shows its name and files together", async () => {
    const arrive = filesArriving()
    const platform = usePlatformStore()
    expect(platform.look).toBe('pending')
    void platform.connect(link)
    expect(await platform.info()).toEqual(info)
    await vi.waitFor(() => expect(applyBrandingToHead).toHaveBeenCalledOnce())
    expect(platform.look).toBe('pending')
    expect(loadBranding).toHaveBeenCalledWith(service, info, {
      pageHost: 'localhost',
      allowlist: config.trustedPlatforms,
    })
    arrive(branding)
    await vi.waitFor(() => expect(platform.look).toBe('platform'))
    expect([platform.name, platform.branding]).toEqual(['Lab', branding])
  })

  it('shows once: a later service info changes neither the name nor the look', async () => {
    const platform = usePlatformStore()
    void platform.connect(link)
    await platform.info()
    await vi.waitFor(() => expect(platform.look).toBe('platform'))
    expect(await platform.adopt({ ...info, name: 'Other' })).toMatchObject({ name: 'Other' })
    expect(platform.name).toBe('Lab')
    expect(loadBranding).toHaveBeenCalledOnce()
  })

  it('is not given up while it loads, nor once shown: the page keeps one look', async () => {
    const arrive = filesArriving()
    const platform = usePlatformStore()
    void platform.connect(link)
    await platform.info()
    platform.keepOwnLook()
    expect(platform.look).toBe('pending')
    arrive(branding)
    await vi.waitFor(() => expect(platform.look).toBe('platform'))
    // A return address refused afterwards refuses the link, in the same look.
    expect(platform.acceptReturn('javascript:alert(1)')).toBe(false)
    platform.keepOwnLook()
    expect(platform.look).toBe('platform')
  })

  it('is our own when the page asks for it before any platform was read, and stays so', async () => {
    const platform = usePlatformStore()
    platform.keepOwnLook()
    expect(platform.look).toBe('neutral')
    void platform.connect(link)
    await platform.info()
    expect(platform.look).toBe('neutral')
    expect(loadBranding).not.toHaveBeenCalled()
  })

  it('is our own when the service info cannot be read, even if a later attempt reads it', async () => {
    vi.mocked(loadServiceInfo).mockRejectedValueOnce(new AppError('network'))
    const platform = usePlatformStore()
    void platform.connect(link)
    await expect(platform.info()).rejects.toMatchObject({ code: 'network' })
    expect(platform.look).toBe('neutral')
    expect(await platform.info()).toEqual(info)
    expect(platform.look).toBe('neutral')
    expect(loadBranding).not.toHaveBeenCalled()
  })

  it('is our own when the platform cannot be opened (its library did not arrive)', async () => {
    vi.mocked(openService).mockRejectedValueOnce(new TypeError('offline'))
    const platform = usePlatformStore()
    await expect(platform.connect(link)).rejects.toThrow('offline')
    expect(platform.look).toBe('neutral')
  })

  it('is our own for a link naming an untrusted platform, or a service info leading to one', async () => {
    const refused = usePlatformStore()
    await refused.connect({ pryvApi: 'https://evil.example' })
    expect([refused.look, refused.untrusted?.host]).toEqual(['neutral', 'evil.example'])

    setActivePinia(createPinia())
    vi.mocked(loadServiceInfo).mockResolvedValue({ ...info, api: 'https://evil.example/{username}/' })
    const misled = usePlatformStore()
    void misled.connect(link)
    expect(await misled.info()).toBeNull()
    expect([misled.look, misled.name]).toEqual(['neutral', ''])
    expect(loadBranding).not.toHaveBeenCalled()
  })

  it('is our own from the start in another site’s frame', () => {
    vi.mocked(isFramed).mockReturnValue(true)
    const platform = usePlatformStore()
    expect(platform.look).toBe('neutral')
    void platform.info()
    platform.keepOwnLook()
    expect(platform.look).toBe('neutral')
  })
})
