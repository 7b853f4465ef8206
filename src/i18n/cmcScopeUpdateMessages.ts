import { watch } from 'vue'
import { i18n } from '.'
import en from './locales/cmcScopeUpdate/en.json'

// Only the scope-update page uses these: kept out of the messages every account page loads.
const loaders = import.meta.glob<Record<string, unknown>>(
  ['./locales/cmcScopeUpdate/*.json', '!./locales/cmcScopeUpdate/en.json'],
  { import: 'default' },
)
const loaded = new Set<string>()
let following = false

async function ensure(language: string): Promise<void> {
  if (loaded.has(language)) return
  const load = loaders[`./locales/cmcScopeUpdate/${language}.json`]
  if (!load) return
  i18n.global.mergeLocaleMessage(language, await load())
  loaded.add(language)
}

/**
 * Before the scope-update page shows: its messages in English (the fallback) and in the current language, then
 * in each language chosen later. The locale changes only once its own messages are set, so merging stays on top.
 */
export async function loadCmcScopeUpdateMessages(): Promise<void> {
  if (!following) {
    following = true
    i18n.global.mergeLocaleMessage('en', en)
    loaded.add('en')
    watch(i18n.global.locale, (language) => void ensure(language))
  }
  await ensure(i18n.global.locale.value)
}
