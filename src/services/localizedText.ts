/** A text in several languages, by lowercase language code (`en`, `fr`, `ja`...), as consent offers carry them. */
export type LocalizedText = Readonly<Record<string, string>>

const languageCode = /^[a-z]{2,3}$/

/** The valid part of a platform's localized text: string values under 2-3 letter codes; undefined when nothing is left. */
export function readLocalizedText(value: unknown): LocalizedText | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] =>
      languageCode.test(entry[0]) && typeof entry[1] === 'string' && entry[1].trim() !== '',
  )
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}

/** The text in the page's language, else in English, else in the first language given. */
export function pickLocalizedText(text: LocalizedText | undefined, language: string): string | undefined {
  if (!text) return undefined
  const wanted = language.toLowerCase().split('-')[0] ?? ''
  return text[wanted] ?? text.en ?? Object.values(text)[0]
}
