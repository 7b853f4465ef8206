// Months and years as the calendar counts them loosely: enough for "last used 3 months ago".
const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
]

/** How long ago (or in how long) a time in seconds is from now, in the language's words ("3 days ago", "dans 2 heures"). */
export function formatRelativeTime(seconds: number, nowSeconds: number, language: string): string {
  const difference = seconds - nowSeconds
  const [unit, size] = units.find(([, length]) => Math.abs(difference) >= length) ?? ['second', 1]
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(Math.round(difference / size), unit)
}

/** A time in seconds as a date and time in the language's usual form. */
export function formatDateTime(seconds: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(seconds * 1000))
}

/** The current time in seconds, as the platform counts it. */
export function nowSeconds(): number {
  return Date.now() / 1000
}
