// @vitest-environment node
import { createPinia, setActivePinia } from 'pinia'
import type { Service } from 'pryv'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ServiceInfo } from '@/services/accessState'
import { AppError } from '@/services/appError'
import { loadServiceInfo, openService } from '@/services/platform'
import { usePlatformStore } from '@/stores/platform'
import { installFakeWindow } from '../services/fakeWindow'

vi.mock('@/services/platform', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/services/platform')>()),
  openService: vi.fn(async () => ({}) as Service),
  loadServiceInfo: vi.fn(),
}))
// The look (files, the document's head) is another test's subject: here it arrives at once and changes nothing.
vi.mock('@/services/platformLook', () => ({ loadPlatformLook: vi.fn(async () => ({})) }))

// The platform store reads the page's address: the fake window gives the one jsdom would.
beforeEach(() => void installFakeWindow({ url: 'http://localhost:3000/' }))
afterEach(() => vi.unstubAllGlobals())

const info = {
  name: 'P',
  api: 'http://127.0.0.1:3000/{username}/',
  register: 'http://127.0.0.1:3000/reg/',
  access: 'http://127.0.0.1:3000/reg/access/',
} as ServiceInfo

beforeEach(() => {
  setActivePinia(createPinia())
  vi.mocked(loadServiceInfo).mockReset().mockResolvedValue(info)
})

describe('platform service info', () => {
  it('is fetched once however many ask at the same time', async () => {
    const platform = usePlatformStore()
    void platform.connect({ pryvServiceInfoUrl: 'http://127.0.0.1:3000/reg/service/info' })
    expect(await Promise.all([platform.info(), platform.info()])).toEqual([info, info])
    expect(loadServiceInfo).toHaveBeenCalledOnce()
  })

  it('is fetched again after a failure', async () => {
    vi.mocked(loadServiceInfo).mockRejectedValueOnce(new AppError('network'))
    const platform = usePlatformStore()
    void platform.connect({ pryvServiceInfoUrl: 'http://127.0.0.1:3000/reg/service/info' })
    await expect(platform.info()).rejects.toMatchObject({ code: 'network' })
    expect(await platform.info()).toEqual(info)
    expect(loadServiceInfo).toHaveBeenCalledTimes(2)
  })

  it('keeps of the link only the platform it names: a reset token in the same link stays out of the store', async () => {
    const platform = usePlatformStore()
    await platform.connect({
      resetToken: 'secret-reset-token',
      pryvServiceInfoUrl: 'http://127.0.0.1:3000/reg/service/info',
    })
    expect(vi.mocked(openService)).toHaveBeenLastCalledWith('http://127.0.0.1:3000/reg/service/info')
    expect(JSON.stringify(platform.$state)).not.toContain('secret-reset-token')
  })

  it('opens the linked platform once, and again only after the opening failed', async () => {
    vi.mocked(openService).mockClear().mockRejectedValueOnce(new TypeError('offline'))
    const platform = usePlatformStore()
    await expect(platform.connect({ pryvServiceInfoUrl: 'http://127.0.0.1:3000/reg/service/info' })).rejects.toThrow(
      'offline',
    )
    expect(await platform.trustedService()).toEqual({})
    expect(await platform.trustedService()).toEqual({})
    expect(openService).toHaveBeenCalledTimes(2)
  })

  it("derives the service info URL from an OAuth link's pryvApi, unless the link names one", async () => {
    vi.mocked(openService).mockClear()
    const platform = usePlatformStore()
    await platform.connect({ state: 'x.y', pryvApi: 'http://127.0.0.1:3000/' })
    expect(openService).toHaveBeenLastCalledWith('http://127.0.0.1:3000/reg/service/info')
    await platform.connect({
      pryvApi: 'http://127.0.0.1:3000',
      pryvServiceInfoUrl: 'http://127.0.0.1:3001/reg/service/info',
    })
    expect(openService).toHaveBeenLastCalledWith('http://127.0.0.1:3001/reg/service/info')
  })

  it('refuses an OAuth link whose pryvApi is not a trusted platform, before opening anything', async () => {
    vi.mocked(openService).mockClear()
    const platform = usePlatformStore()
    expect(await platform.connect({ pryvApi: 'https://evil.example' })).toBeNull()
    expect(platform.untrusted).toEqual({ role: 'service-info', host: 'evil.example' })
    expect(openService).not.toHaveBeenCalled()
  })
})
