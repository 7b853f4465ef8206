import { loadMessagePart } from './index'
import type { Language } from './languages'

// The auth popup's consent step (section `consent`): fetched with the step's code, after the sign-in form shows.
const loaders = import.meta.glob<Record<string, unknown>>('./locales/consent/*.json', { import: 'default' })
const consentMessages = async (language: Language) => loaders[`./locales/consent/${language}.json`]?.()

/** Before the consent step shows: its messages, in any language shown. */
export function loadConsentMessages(): Promise<void> {
  return loadMessagePart(consentMessages)
}
