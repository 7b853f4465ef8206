import type { ServiceInfo } from './accessState'
import { applyBrandingToHead, removePlatformStyle, setDocumentTitle } from './documentHead'
import type { Service } from './platform'
import { loadBranding, type Branding } from './serviceAssets'
import type { TrustPolicy } from './trust'

// How long a page waits for the platform's logo and stylesheet before it shows without them.
export const brandingWaitMs = 3000

/**
 * The platform's look, read through its asset definitions (pryv `Service.assets`) with its stylesheet and logo
 * arrived, so that the page shows it whole; without the files that did not come within `brandingWaitMs`, so that
 * they never change the page later. Names the tab after the platform. Loaded apart: the auth popup's form is usable
 * before its platform is known.
 */
export async function loadPlatformLook(service: Service, info: ServiceInfo, policy: TrustPolicy): Promise<Branding> {
  let late = false
  const files = loadBranding(service, info, policy).then((found) => (late ? null : applyBrandingToHead(found)))
  const shown = await Promise.race([files, new Promise<null>((done) => setTimeout(done, brandingWaitMs, null))])
  if (!shown) {
    late = true
    removePlatformStyle()
  }
  setDocumentTitle(info.name)
  return shown ?? {}
}
