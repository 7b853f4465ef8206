import { loadMessagePart } from './index'
import type { Language } from './languages'
import en from './locales/mfa/en.json'

// The MFA step's words (sections `mfa` and `mfaRecovery`): English with the step's own code, which every page fetches
// only once a sign-in asks for a code (or is about to); the rest on demand.
const otherLanguages = import.meta.glob<Record<string, unknown>>(['./locales/mfa/*.json', '!./locales/mfa/en.json'], {
  import: 'default',
})

async function mfaMessages(language: Language): Promise<Record<string, unknown> | undefined> {
  return language === 'en' ? en : otherLanguages[`./locales/mfa/${language}.json`]?.()
}

/** Before the MFA step shows: its messages, in any language shown. */
export function loadMfaMessages(): Promise<void> {
  return loadMessagePart(mfaMessages)
}
