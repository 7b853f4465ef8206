import type { Branding } from './serviceAssets'

/** Shows the platform's favicon and adds its stylesheet after ours, so its rules win. */
export function applyBrandingToHead(branding: Branding): void {
  if (branding.favicon) {
    const icon =
      document.querySelector<HTMLLinkElement>('link[rel~="icon"]') ??
      document.head.appendChild(document.createElement('link'))
    icon.rel = 'icon'
    icon.removeAttribute('type')
    icon.href = branding.favicon
  }
  if (branding.stylesheet && !document.querySelector('link[data-platform-style]')) {
    const style = document.createElement('link')
    style.rel = 'stylesheet'
    style.href = branding.stylesheet
    style.dataset.platformStyle = ''
    document.head.appendChild(style)
  }
}

/** The tab's title: the platform's name once known. */
export function setDocumentTitle(title: string): void {
  document.title = title
}
