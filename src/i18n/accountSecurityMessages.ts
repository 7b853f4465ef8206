import { loadMessagePart } from './index'
import type { Language } from './languages'
import en from './locales/accountSecurity/en.json'

// The account area's security section's messages: English with the section's code (so the area's first load does
// not carry them), the rest on demand.
const otherLanguages = import.meta.glob<Record<string, unknown>>(
  ['./locales/accountSecurity/*.json', '!./locales/accountSecurity/en.json'],
  { import: 'default' },
)

async function accountSecurityMessages(language: Language): Promise<Record<string, unknown> | undefined> {
  return language === 'en' ? en : otherLanguages[`./locales/accountSecurity/${language}.json`]?.()
}

/** Before the security section shows: its messages (`accountArea.security`), in any language shown. */
export function loadAccountSecurityMessages(): Promise<void> {
  return loadMessagePart(accountSecurityMessages)
}
