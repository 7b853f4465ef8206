import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import { config } from '@/config'
import type { ServiceInfo } from '@/services/accessState'
import { readAuthQuery, type RawQuery } from '@/services/authQuery'
import { isFramed } from '@/services/browserWindow'
import { loadServiceInfo, openService, serviceInfoTrustChecks, type Service } from '@/services/platform'
import { findUntrusted, type TrustCheck, type UntrustedTarget } from '@/services/trust'

/**
 * The Pryv.io platform every page talks to, shared across in-app navigation:
 * named by the link (`pryvServiceInfoUrl`, `serviceInfo`) or the build's default,
 * and refused when it, or any URL it leads to, is not a trusted platform.
 */
export const usePlatformStore = defineStore('platform', () => {
  // Inside another site's frame a password form could be overlaid and clicked blindly (clickjacking).
  const framed = isFramed()
  /** The first URL found untrusted; once set, the page talks to no platform at all. */
  const untrusted = ref<UntrustedTarget | null>(null)
  const service = shallowRef<Service | null>(null)
  let serviceInfoUrl = ''
  let opening: Promise<Service | null> = Promise.resolve(null)

  /** Records the first of these URLs that is not trusted; true when all are. */
  function trust(checks: readonly TrustCheck[]): boolean {
    untrusted.value ??= findUntrusted(checks, { pageHost: window.location.hostname, allowlist: config.trustedPlatforms })
    return untrusted.value === null
  }

  /** The link's platform, opened once per service info URL; null when framed or untrusted. */
  function connect(query: RawQuery): Promise<Service | null> {
    const url = new URL(readAuthQuery(query).serviceInfoUrl ?? config.defaultServiceInfoUrl, window.location.href).href
    if (url === serviceInfoUrl) return opening
    serviceInfoUrl = url
    service.value = null
    opening = framed || !trust([{ role: 'service-info', url }])
      ? Promise.resolve(null)
      : openService(url).then((opened) => (service.value = markRaw(opened)), (err: unknown) => {
        // The library could not be fetched (offline?): the next attempt tries again.
        serviceInfoUrl = ''
        throw err
      })
    return opening
  }

  /** True when the api, register and access URLs of this service info are trusted. */
  function trustServiceInfo(info: ServiceInfo): boolean {
    return trust(serviceInfoTrustChecks(info))
  }

  /** The connected platform's service info (fetched once), or null when the page must not use it. */
  async function info(): Promise<ServiceInfo | null> {
    const opened = await opening
    if (!opened) return null
    const serviceInfo = await loadServiceInfo(opened)
    return trustServiceInfo(serviceInfo) ? serviceInfo : null
  }

  /** The link's platform, connected and its service info checked; null when the page must not use it. */
  async function trustedService(query: RawQuery): Promise<Service | null> {
    await connect(query)
    return (await info()) ? service.value : null
  }

  return { framed, untrusted, service, connect, trust, trustServiceInfo, info, trustedService }
})
