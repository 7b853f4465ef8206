import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import { config } from '@/config'
import type { ServiceInfo } from '@/services/accessState'
import { linkedServiceInfoUrl, readAuthQuery, type RawQuery } from '@/services/authQuery'
import { isFramed } from '@/services/browserWindow'
import {
  adoptServiceInfo,
  loadServiceInfo,
  openService,
  serviceInfoTrustChecks,
  type Service,
} from '@/services/platform'
import type { Branding } from '@/services/serviceAssets'
import { findUnsafeReturn, findUntrusted, type TrustCheck, type UntrustedTarget } from '@/services/trust'

/** Which look the page shows: none yet, the platform's, or its own when no platform can be known. It never changes back. */
export type PlatformLook = 'pending' | 'platform' | 'neutral'

// Out of the first load: the auth popup's form is usable before its platform's look can be known.
const lookService = () => import('@/services/platformLook')

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
  /** The platform's name, once its service info is known, and its look, once shown. */
  const name = ref('')
  const branding = shallowRef<Branding>({})
  const look = ref<PlatformLook>(framed ? 'neutral' : 'pending')
  let lookChosen = framed
  /** The service info URL the current link names, and the one opened (empty again after a failure). */
  let linkedUrl = ''
  let serviceInfoUrl = ''
  let opening: Promise<Service | null> = Promise.resolve(null)
  let infoLoading: Promise<ServiceInfo> | null = null

  const policy = () => ({ pageHost: window.location.hostname, allowlist: config.trustedPlatforms })

  /** No platform look can come (untrusted, unreachable, or not named): the page keeps its own from now on. */
  function keepOwnLook(): void {
    if (lookChosen) return
    lookChosen = true
    look.value = 'neutral'
  }

  /** Records a refused link, whose page then keeps its own look; true when there is none. */
  function refuse(found: UntrustedTarget | null): boolean {
    untrusted.value ??= found
    if (untrusted.value) keepOwnLook()
    return untrusted.value === null
  }

  /** Records the first of these URLs that is not trusted; true when all are. */
  function trust(checks: readonly TrustCheck[]): boolean {
    return refuse(findUntrusted(checks, policy()))
  }

  /** Records a return address that is not a web address, which refuses the link like an untrusted URL; true when it is fine. */
  function acceptReturn(returnURL: string | undefined): boolean {
    return refuse(findUnsafeReturn(returnURL))
  }

  /**
   * Shows the platform's name, logo and colours together, once its files arrived (or without those that cannot come):
   * a page that changed its face halfway through would look like a phishing page.
   */
  async function showLook(opened: Service, serviceInfo: ServiceInfo): Promise<void> {
    const trustPolicy = policy()
    branding.value = await lookService()
      .then((looks) => looks.loadPlatformLook(opened, serviceInfo, trustPolicy))
      .catch(() => ({}))
    look.value = 'platform'
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
            (opened) => {
              // Fetched beside the service info, not after it.
              void lookService().catch(() => undefined)
              return (service.value = markRaw(opened))
            },
            (err: unknown) => {
              // The library could not be fetched (offline?): the next attempt tries again, without the look.
              serviceInfoUrl = ''
              keepOwnLook()
              throw err
            },
          )
    return opening
  }

  /** Takes a trusted service info as the platform's: its name and look show, and it is not fetched again. */
  function accept(opened: Service, serviceInfo: ServiceInfo): ServiceInfo | null {
    if (!trust(serviceInfoTrustChecks(serviceInfo))) return null
    name.value ||= serviceInfo.name
    if (!lookChosen) {
      lookChosen = true
      void showLook(opened, serviceInfo)
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
      keepOwnLook()
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
    look,
    keepOwnLook,
    connect,
    opened,
    trust,
    acceptReturn,
    info,
    adopt,
    trustedService,
  }
})
