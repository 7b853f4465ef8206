import type { MessagePart } from './index'

/**
 * A part of the messages whose English comes with the code that shows it, the other languages fetched when shown
 * (`others`: its `import.meta.glob` of `./locales/<part>/*.json` without English).
 */
export function partWithEnglish(
  english: Record<string, unknown>,
  others: Record<string, () => Promise<Record<string, unknown>>>,
): MessagePart {
  return async (language) =>
    language === 'en' ? english : Object.entries(others).find(([path]) => path.endsWith(`/${language}.json`))?.[1]()
}
