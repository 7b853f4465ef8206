import type { ServiceInfo } from '@/services/accessState'

/** A trusted platform's service info, on this machine (loopback), for the platform store's tests. */
export const labServiceInfo = {
  name: 'Lab',
  api: 'http://127.0.0.1:3000/{username}/',
  register: 'http://127.0.0.1:3000/reg/',
  access: 'http://127.0.0.1:3000/reg/access/',
} as ServiceInfo
