import type { Service } from 'pryv'
import type { ServiceInfo } from './accessState'
import { AppError } from './appError'
import { withAppErrors } from './http'
import { loadPryv } from './pryvLibrary'
import type { TrustCheck } from './trust'

export type { Service }

/** A `pryv` Service for an absolute service info URL; no request is made until its info is needed. */
export async function openService(serviceInfoUrl: string): Promise<Service> {
  const { Service } = await loadPryv()
  return new Service(serviceInfoUrl)
}

/** Uses service info the platform already gave (poll state), so it is not fetched again. */
export function adoptServiceInfo(service: Service, info: ServiceInfo): void {
  service.setServiceInfo(info as Parameters<Service['setServiceInfo']>[0])
}

/** GET service/info (pryv `Service.info`), once per Service. */
export async function loadServiceInfo(service: Service): Promise<ServiceInfo> {
  const info = (await withAppErrors(() => service.info())) as unknown as ServiceInfo | undefined
  if (typeof info?.api !== 'string' || typeof info.register !== 'string') throw new AppError('unexpected-answer')
  return info
}

/** The platform URLs a service info points to, which the trusted-platform rule must accept. */
export function serviceInfoTrustChecks(info: ServiceInfo): TrustCheck[] {
  return [
    { role: 'api', url: info.api },
    { role: 'register', url: info.register },
    { role: 'access', url: info.access },
  ]
}
