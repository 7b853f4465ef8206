import { createPinia, setActivePinia } from 'pinia'
import type { Service } from 'pryv'
import { vi } from 'vitest'
import type { AccessRequest } from '@/services/accessState'
import type { Session } from '@/services/signIn'
import { useAuthFlowStore } from '@/stores/auth/authFlow'
import { useAuthRequestStore } from '@/stores/auth/authRequest'
import { usePlatformStore } from '@/stores/platform'

export const pollUrl = 'https://reg.pryv.example/access/k1'
export const session = { username: 'alice', connection: {} } as unknown as Session
export const waiting: AccessRequest = {
  status: 'NEED_SIGNIN',
  key: 'k1',
  requestingAppId: 'demo-app',
  requestedPermissions: [{ streamId: 'diary', level: 'read' }],
}

/** The auth flow for a loaded request (the platform and the poll state are stubbed at the service level). */
export function setUpAuthFlow(request: AccessRequest) {
  setActivePinia(createPinia())
  usePlatformStore().service = {} as Service
  const authRequest = useAuthRequestStore()
  authRequest.request = request
  authRequest.pollUrl = pollUrl
  // As the request's loading leaves it (here unchecked, so the ending's own guard shows too).
  authRequest.returnURL = request.returnURL
  vi.spyOn(authRequest, 'ready').mockResolvedValue(request)
  return useAuthFlowStore()
}
