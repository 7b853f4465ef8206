import { loadMessagePart } from './index'
import type { Language } from './languages'
import en from './locales/verifyEmail/en.json'

// The verify-email page's messages: English with the page (its first load counts them), the rest on demand.
const otherLanguages = import.meta.glob<Record<string, unknown>>(
  ['./locales/verifyEmail/*.json', '!./locales/verifyEmail/en.json'],
  { import: 'default' },
)

async function verifyEmailMessages(language: Language): Promise<Record<string, unknown> | undefined> {
  return language === 'en' ? en : otherLanguages[`./locales/verifyEmail/${language}.json`]?.()
}

/** Before the verify-email page shows: its messages (section `verifyEmail`), in any language shown. */
export function loadVerifyEmailMessages(): Promise<void> {
  return loadMessagePart(verifyEmailMessages)
}
