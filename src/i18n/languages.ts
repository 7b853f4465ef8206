export const supportedLanguages = ['en', 'fr', 'de', 'it'] as const

export type Language = (typeof supportedLanguages)[number]

export function isSupportedLanguage(value: string): value is Language {
  return (supportedLanguages as readonly string[]).includes(value)
}

/** The first supported language among the candidates (e.g. query, state, browser), by primary subtag. */
export function pickLanguage(candidates: ReadonlyArray<string | undefined>, fallback: Language): Language {
  for (const candidate of candidates) {
    const primary = candidate?.toLowerCase().split(/[-_]/)[0] ?? ''
    if (isSupportedLanguage(primary)) return primary
  }
  return fallback
}
