import type { Service } from 'pryv'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ServiceInfo } from '@/services/accessState'
import { applyBrandingToHead, removePlatformStyle, setDocumentTitle } from '@/services/documentHead'
import { brandingWaitMs, loadPlatformLook } from '@/services/platformLook'
import { loadBranding, type Branding } from '@/services/serviceAssets'

vi.mock('@/services/serviceAssets', () => ({ loadBranding: vi.fn() }))
vi.mock('@/services/documentHead', () => ({
  applyBrandingToHead: vi.fn(),
  removePlatformStyle: vi.fn(),
  setDocumentTitle: vi.fn(),
}))

const service = {} as Service
const info = { name: 'Lab', api: '', register: '', access: '' } as ServiceInfo
const policy = { pageHost: 'auth.lab.example', allowlist: [] }
const found: Branding = { stylesheet: 'https://lab.example/style.css', logo: 'https://lab.example/logo.svg' }

/** A promise and the function that settles it, as a slow network would. */
function later<T>() {
  let settle: (value: T) => void = () => undefined
  const promise = new Promise<T>((resolve) => (settle = resolve))
  return { promise, settle }
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.useFakeTimers()
})
afterEach(() => vi.useRealTimers())

describe('loadPlatformLook', () => {
  it("gives what arrived of the platform's files, read through its trusted definitions, and names the tab", async () => {
    vi.mocked(loadBranding).mockResolvedValue(found)
    vi.mocked(applyBrandingToHead).mockResolvedValue({ logo: found.logo })
    expect(await loadPlatformLook(service, info, policy)).toEqual({ logo: found.logo })
    expect(loadBranding).toHaveBeenCalledWith(service, info, policy)
    expect(applyBrandingToHead).toHaveBeenCalledWith(found)
    expect(removePlatformStyle).not.toHaveBeenCalled()
    expect(setDocumentTitle).toHaveBeenCalledWith('Lab')
  })

  it('shows without the files that did not arrive in time, and never adds them later', async () => {
    const definitions = later<Branding>()
    vi.mocked(loadBranding).mockReturnValue(definitions.promise)
    const looking = loadPlatformLook(service, info, policy)
    await vi.advanceTimersByTimeAsync(brandingWaitMs - 1)
    expect(setDocumentTitle).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(await looking).toEqual({})
    expect(removePlatformStyle).toHaveBeenCalledOnce()
    expect(setDocumentTitle).toHaveBeenCalledWith('Lab')
    definitions.settle(found)
    await vi.runAllTimersAsync()
    expect(applyBrandingToHead).not.toHaveBeenCalled()
  })

  it('takes out a stylesheet still arriving when the wait is over', async () => {
    vi.mocked(loadBranding).mockResolvedValue(found)
    vi.mocked(applyBrandingToHead).mockReturnValue(new Promise(() => undefined))
    const looking = loadPlatformLook(service, info, policy)
    await vi.advanceTimersByTimeAsync(brandingWaitMs)
    expect(await looking).toEqual({})
    expect(removePlatformStyle).toHaveBeenCalledOnce()
  })
})
