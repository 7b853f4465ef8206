import { loadMessagePart } from './index'
import type { Language } from './languages'
import en from './locales/cmc/en.json'

// The CMC pages' messages: English with the page that imports this (its first load counts them), the rest on demand.
const otherLanguages = import.meta.glob<Record<string, unknown>>(['./locales/cmc/*.json', '!./locales/cmc/en.json'], {
  import: 'default',
})

async function cmcMessages(language: Language): Promise<Record<string, unknown> | undefined> {
  return language === 'en' ? en : otherLanguages[`./locales/cmc/${language}.json`]?.()
}

/** Before a CMC page shows: its messages (sections `cmc` and `cmcAccept`), in any language shown. */
export function loadCmcMessages(): Promise<void> {
  return loadMessagePart(cmcMessages)
}
