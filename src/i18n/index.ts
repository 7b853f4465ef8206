import { createI18n } from 'vue-i18n'
import en from './locales/en.json'
import { pickLanguage, type Language } from './languages'
import { config } from '@/config'

export type MessageSchema = typeof en

// Only English ships in the entry chunk; the other locales are added by ensureMessages when needed.
const initialMessages = { en } as Record<Language, MessageSchema>

export const i18n = createI18n<[MessageSchema], Language, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: initialMessages,
})

// Other locales are separate chunks, fetched only when the user's language needs them.
const localeLoaders = import.meta.glob<MessageSchema>(['./locales/*.json', '!./locales/en.json'], { import: 'default' })

async function ensureMessages(language: Language): Promise<void> {
  if (i18n.global.availableLocales.includes(language)) return
  const load = localeLoaders[`./locales/${language}.json`]
  if (load) i18n.global.setLocaleMessage(language, await load())
}

// A language the user picked with the switch outranks what the link or the access state says.
let chosenLanguage: Language | undefined

async function switchTo(language: Language): Promise<Language> {
  await ensureMessages(language)
  i18n.global.locale.value = language
  document.documentElement.lang = language
  return language
}

/** Switches to the first supported language of the candidates (link, access state, browser), else the default. */
export function applyLanguage(candidates: ReadonlyArray<string | undefined>): Promise<Language> {
  return switchTo(pickLanguage([chosenLanguage, ...candidates, ...navigator.languages], config.defaultLanguage))
}

/** The user's own choice, kept for the rest of the visit. */
export function chooseLanguage(language: Language): Promise<Language> {
  chosenLanguage = language
  return switchTo(language)
}
