import { createI18n } from 'vue-i18n'
import en from './locales/en.json'
import { pickLanguage, type Language } from './languages'
import { hasMessage, resolveMessagePath } from './messagePath'
import { config } from '@/config'

export type MessageSchema = typeof en

// Only English ships in the entry chunk; the other locales are added by ensureMessages when needed.
const initialMessages = { en } as Record<Language, MessageSchema>

export const i18n = createI18n<[MessageSchema], Language, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: initialMessages,
  messageResolver: resolveMessagePath,
})
// The pages ask whether an optional message exists (`te`), which petite-vue-i18n, the build we ship, leaves out.
Object.assign(i18n.global, {
  te: (key: string, locale?: Language) =>
    hasMessage(i18n.global.getLocaleMessage(locale ?? i18n.global.locale.value), key),
})

// Other locales are separate chunks, fetched only when the user's language needs them.
const localeLoaders = import.meta.glob<MessageSchema>(['./locales/*.json', '!./locales/en.json'], { import: 'default' })
/** A part of the messages some pages need beside the core ones: its messages in a language, if it has them. */
export type MessagePart = (language: Language) => Promise<Record<string, unknown> | undefined>

// Parts shown so far, and which of their languages are merged: a language chosen later gets them too.
const partsShown = new Set<MessagePart>()
const partsLoaded = new Map<MessagePart, Set<Language>>()

async function ensurePart(part: MessagePart, language: Language): Promise<void> {
  const loaded = partsLoaded.get(part) ?? new Set<Language>()
  partsLoaded.set(part, loaded)
  if (loaded.has(language)) return
  const messages = await part(language)
  if (messages) i18n.global.mergeLocaleMessage(language, messages)
  loaded.add(language)
}

/** Before a page shows: a part of the messages in the current language, and in any language chosen later. */
export async function loadMessagePart(part: MessagePart): Promise<void> {
  await ensurePart(part, i18n.global.locale.value)
  // Only once it arrived: a part that failed to load must not make every later language change fail too.
  partsShown.add(part)
  // The language may have changed while it loaded (a no-op otherwise).
  await ensurePart(part, i18n.global.locale.value)
}

// The messages of the other pages (register, reset, change, hub, not found) stay out of the auth page's first load.
const accountLoaders = import.meta.glob<Record<string, unknown>>('./locales/account/*.json', { import: 'default' })
const accountMessages: MessagePart = async (language) => accountLoaders[`./locales/account/${language}.json`]?.()

async function ensureMessages(language: Language): Promise<void> {
  if (!i18n.global.availableLocales.includes(language)) {
    const load = localeLoaders[`./locales/${language}.json`]
    if (load) i18n.global.setLocaleMessage(language, await load())
  }
  await Promise.all([...partsShown].map((part) => ensurePart(part, language)))
}

/** Before an account page shows: its messages in the current language, and in any language chosen later. */
export function loadAccountMessages(): Promise<void> {
  return loadMessagePart(accountMessages)
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
