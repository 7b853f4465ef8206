import { loadCmcMessages } from './cmcMessages'
import { loadMessagePart } from './index'
import type { Language } from './languages'
import en from './locales/cmcScopeUpdate/en.json'

// Only the scope-update page's own words: kept out of the accept page's first load, which shares the `cmc` part.
const otherLanguages = import.meta.glob<Record<string, unknown>>(
  ['./locales/cmcScopeUpdate/*.json', '!./locales/cmcScopeUpdate/en.json'],
  { import: 'default' },
)

async function scopeUpdateMessages(language: Language): Promise<Record<string, unknown> | undefined> {
  return language === 'en' ? en : otherLanguages[`./locales/cmcScopeUpdate/${language}.json`]?.()
}

/** Before the scope-update page shows: the CMC pages' shared messages and its own, in any language shown. */
export async function loadCmcScopeUpdateMessages(): Promise<void> {
  await Promise.all([loadCmcMessages(), loadMessagePart(scopeUpdateMessages)])
}
