import type { Branding } from './serviceAssets'

/** Resolves once the element's file arrived (true) or could not (false). */
function arrival(element: HTMLImageElement | HTMLLinkElement): Promise<boolean> {
  return new Promise((resolve) => {
    element.onload = () => resolve(true)
    element.onerror = () => resolve(false)
  })
}

/** Adds the platform's stylesheet after ours, so its rules win. */
function addStylesheet(url: string): Promise<boolean> {
  const style = document.createElement('link')
  const arrived = arrival(style)
  style.rel = 'stylesheet'
  style.href = url
  style.dataset.platformStyle = ''
  document.head.appendChild(style)
  return arrived
}

/** Fetches an image into the browser's cache, so that it shows at once where it is used. */
function fetchImage(url: string): Promise<boolean> {
  const image = new Image()
  const arrived = arrival(image)
  image.src = url
  return arrived
}

/**
 * Shows the platform's favicon, adds its stylesheet and fetches its logo; resolves with what arrived, so that the page
 * can show the platform's look whole, at once.
 */
export async function applyBrandingToHead(branding: Branding): Promise<Branding> {
  const { favicon, stylesheet, logo } = branding
  if (favicon) {
    const icon =
      document.querySelector<HTMLLinkElement>('link[rel~="icon"]') ??
      document.head.appendChild(document.createElement('link'))
    icon.rel = 'icon'
    icon.removeAttribute('type')
    icon.href = favicon
  }
  const [styled, pictured] = await Promise.all([stylesheet && addStylesheet(stylesheet), logo && fetchImage(logo)])
  return { favicon, stylesheet: styled ? stylesheet : undefined, logo: pictured ? logo : undefined }
}

/** Takes the platform's stylesheet back out, when its look came too late to show. */
export function removePlatformStyle(): void {
  document.querySelector('link[data-platform-style]')?.remove()
}

/** The tab's title: the platform's name once known. */
export function setDocumentTitle(title: string): void {
  document.title = title
}
