import { loadMessagePart } from './index'
import type { Language } from './languages'
import en from './locales/accountArea/en.json'

// The account area's messages: English with its pages (their first load counts them), the rest on demand.
const otherLanguages = import.meta.glob<Record<string, unknown>>(
  ['./locales/accountArea/*.json', '!./locales/accountArea/en.json'],
  { import: 'default' },
)

async function accountAreaMessages(language: Language): Promise<Record<string, unknown> | undefined> {
  return language === 'en' ? en : otherLanguages[`./locales/accountArea/${language}.json`]?.()
}

/** Before the account area shows: its messages (sections `accountArea` and a few permission words), in any language shown. */
export function loadAccountAreaMessages(): Promise<void> {
  return loadMessagePart(accountAreaMessages)
}
