import { Service } from 'pryv'
import type { ServiceInfo } from './accessState'
import { AppError, toAppError } from './appError'
import { findUntrusted, type TrustPolicy, type UntrustedTarget } from './trust'

export type { Service }

/** A `pryv` Service for the service info URL; no request is made until its info is needed. */
export function openService(serviceInfoUrl: string): Service {
  return new Service(new URL(serviceInfoUrl, window.location.href).href)
}

/** Uses service info the platform already gave (poll state), so it is not fetched again. */
export function adoptServiceInfo(service: Service, info: ServiceInfo): void {
  service.setServiceInfo(info as Parameters<Service['setServiceInfo']>[0])
}

/** GET service/info (pryv `Service.info`), once per Service. */
export async function loadServiceInfo(service: Service): Promise<ServiceInfo> {
  try {
    const info = (await service.info()) as unknown as ServiceInfo
    if (typeof info?.api !== 'string' || typeof info.register !== 'string') throw new AppError('unexpected-answer')
    return info
  } catch (err) {
    throw toAppError(err)
  }
}

/** The platform URLs a service info points to, checked against the trusted-platform rule. */
export function findUntrustedServiceInfo(info: ServiceInfo, policy: TrustPolicy): UntrustedTarget | null {
  return findUntrusted([
    { role: 'api', url: info.api },
    { role: 'register', url: info.register },
    { role: 'access', url: info.access },
  ], policy)
}
