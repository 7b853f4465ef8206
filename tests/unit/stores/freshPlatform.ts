import { createPinia, setActivePinia } from 'pinia'
import type { Service } from 'pryv'
import { vi } from 'vitest'
import { usePlatformStore } from '@/stores/platform'

/** New stores over a platform that is already connected and trusted: `service` is what the flows get. */
export function freshPlatform(service: Service) {
  vi.clearAllMocks()
  setActivePinia(createPinia())
  const platform = usePlatformStore()
  vi.spyOn(platform, 'opened').mockResolvedValue(service)
  vi.spyOn(platform, 'trustedService').mockResolvedValue(service)
  return platform
}
