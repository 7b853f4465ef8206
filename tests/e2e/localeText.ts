import { readFileSync } from 'node:fs'

type Messages = { [key: string]: string | Messages }

function leaves(tree: Messages, prefix = ''): Map<string, string> {
  const found = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(prefix + key, value)
    else for (const [leaf, text] of leaves(value, `${prefix}${key}.`)) found.set(leaf, text)
  }
  return found
}

/** Every message of a locale file as `dotted.key -> text`: the core one, or a part's (`accountArea/`...). */
export function readLocale(language: string, part = ''): Map<string, string> {
  const file = new URL(`../../src/i18n/locales/${part}${language}.json`, import.meta.url)
  return leaves(JSON.parse(readFileSync(file, 'utf8')) as Messages)
}

/** Pieces of the English text (around placeholders and plural forms) that a language translates; short words left out. */
export function englishPieces(language: string, part = ''): string[] {
  const translated = readLocale(language, part)
  return [...readLocale('en', part)]
    .filter(([key, text]) => translated.get(key) !== text)
    .flatMap(([, text]) => text.split(/\{\w+\}|\|/).map((piece) => piece.trim()))
    .filter((piece) => piece.length >= 8)
}
