import { createPinia, setActivePinia } from 'pinia'
import type { Service } from 'pryv'
import { vi } from 'vitest'
import type { Session } from '@/services/signIn'
import { useAuthSessionStore } from '@/stores/authSession'
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

/** The sign-in step stubbed: any credentials open `session`; `close` (the spy returned) ends it. */
export function stubSignIn(session: Session) {
  const authSession = useAuthSessionStore()
  vi.spyOn(authSession, 'submitOnLinkedPlatform').mockImplementation(async () => {
    authSession.session = session
    return session
  })
  return vi.spyOn(authSession, 'close').mockImplementation(async () => {
    authSession.session = null
  })
}
