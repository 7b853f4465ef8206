import type { ServiceInfo } from '@/services/accessState'
import { parseHttpUrl } from '@/services/safeUrl'

/** The platform's terms of use: a web link, or its words when `terms` is not an http(s) URL. */
export type TermsOfUse = { kind: 'link'; url: string } | { kind: 'text'; text: string }

/** From service info `terms`; null when the platform states none. */
export function termsOfUse(info: ServiceInfo | null): TermsOfUse | null {
  const terms = typeof info?.terms === 'string' ? info.terms.trim() : ''
  if (terms === '') return null
  const url = parseHttpUrl(terms)
  return url ? { kind: 'link', url: url.href } : { kind: 'text', text: terms.slice(0, 500) }
}
