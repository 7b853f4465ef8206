import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import { config } from '@/config'
import type { ServiceInfo } from '@/services/accessState'
import { linkedServiceInfoUrl, readAuthQuery, type RawQuery } from '@/services/authQuery'
import { isFramed } from '@/services/browserWindow'
import { applyBrandingToHead, setDocumentTitle } from '@/services/documentHead'
import {
  adoptServiceInfo,
  loadServiceInfo,
  openService,
  serviceInfoTrustChecks,
  type Service,
} from '@/services/platform'
import { loadBranding, type Branding } from '@/services/serviceAssets'
import { findUnsafeReturn, findUntrusted, type TrustCheck, type UntrustedTarget } from '@/services/trust'

/**
 * The Pryv.io platform every page talks to, shared across in-app navigation:
 * named by the link (`pryvServiceInfoUrl`, `serviceInfo`, else `pryvApi`) or the build's default,
 * and refused when it, or any URL it leads to, is not a trusted platform.
 */
export const usePlatformStore = defineStore('platform', () => {
  // Inside another site's frame a password form could be overlaid and clicked blindly (clickjacking).
  const framed = isFramed()
  /** The first URL found untrusted; once set, the page talks to no platform at all. */
  const untrusted = ref<UntrustedTarget | null>(null)
  const service = shallowRef<Service | null>(null)
  /** The platform's name and look, once its service info is known. */
  const name = ref('')
  const branding = shallowRef<Branding>({})
  /** The service info URL the current link names, and the one opened (empty again after a failure). */
  let linkedUrl = ''
  let serviceInfoUrl = ''
  let opening: Promise<Service | null> = Promise.resolve(null)
  let infoLoading: Promise<ServiceInfo> | null = null

  /** Records the first of these URLs that is not trusted; true when all are. */
  function trust(checks: readonly TrustCheck[]): boolean {
    untrusted.value ??= findUntrusted(checks, {
      pageHost: window.location.hostname,
      allowlist: config.trustedPlatforms,
    })
    return untrusted.value === null
  }

  /** Records a return address that is not a web address, which refuses the link like an untrusted URL; true when it is fine. */
  function acceptReturn(returnURL: string | undefined): boolean {
    untrusted.value ??= findUnsafeReturn(returnURL)
    return untrusted.value === null
  }

  /**
   * The link's platform, opened once per service info URL; null when framed or untrusted.
   * Called by the router for each navigation: the pages' flows use what it opened.
   */
  function connect(query: RawQuery): Promise<Service | null> {
    linkedUrl = new URL(
      linkedServiceInfoUrl(readAuthQuery(query)) ?? config.defaultServiceInfoUrl,
      window.location.href,
    ).href
    return opened()
  }

  /** The platform the current link names, opened again if the last attempt failed (offline?). */
  function opened(): Promise<Service | null> {
    const url = linkedUrl
    if (url === serviceInfoUrl) return opening
    serviceInfoUrl = url
    service.value = null
    infoLoading = null
    opening =
      framed || !trust([{ role: 'service-info', url }])
        ? Promise.resolve(null)
        : openService(url).then(
            (opened) => (service.value = markRaw(opened)),
            (err: unknown) => {
              // The library could not be fetched (offline?): the next attempt tries again.
              serviceInfoUrl = ''
              throw err
            },
          )
    return opening
  }

  /** Takes a trusted service info as the platform's: its name and look show, and it is not fetched again. */
  function accept(opened: Service, serviceInfo: ServiceInfo): ServiceInfo | null {
    if (!trust(serviceInfoTrustChecks(serviceInfo))) return null
    if (name.value === '') {
      name.value = serviceInfo.name
      setDocumentTitle(serviceInfo.name)
      void loadBranding(opened, serviceInfo).then((loaded) => {
        branding.value = loaded
        applyBrandingToHead(loaded)
      })
    }
    return serviceInfo
  }

  /** The connected platform's service info (fetched once), or null when the page must not use it. */
  async function info(): Promise<ServiceInfo | null> {
    const opened = await opening
    if (!opened) return null
    // One request however many parts of the page ask at once (pryv caches it only once it arrived).
    infoLoading ??= loadServiceInfo(opened).catch((err: unknown) => {
      infoLoading = null
      throw err
    })
    return accept(opened, await infoLoading)
  }

  /** Service info the page already holds (embedded in a poll state), used instead of fetching it. */
  async function adopt(serviceInfo: ServiceInfo): Promise<ServiceInfo | null> {
    const opened = await opening
    if (!opened) return null
    adoptServiceInfo(opened, serviceInfo)
    return accept(opened, serviceInfo)
  }

  /** The link's platform, connected and its service info checked; null when the page must not use it. */
  async function trustedService(): Promise<Service | null> {
    await opened()
    return (await info()) ? service.value : null
  }

  return {
    framed,
    untrusted,
    service,
    name,
    branding,
    connect,
    opened,
    trust,
    acceptReturn,
    info,
    adopt,
    trustedService,
  }
})
