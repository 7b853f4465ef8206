// No month: months differ in length, so "1 month" would misstate an exact 30 days.
const units: Array<[Intl.NumberFormatOptions['unit'], number]> = [
  ['year', 365 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

/** A duration in seconds in the language's words, in its largest whole unit ("30 days", "2 heures"). */
export function formatDuration(seconds: number, language: string): string {
  const [unit, size] = units.find(([, length]) => seconds >= length && seconds % length === 0) ??
    units.find(([, length]) => seconds >= length) ?? ['second', 1]
  const amount = Math.round((seconds / size) * 10) / 10
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(amount)
}

/** A wait in whole seconds under a minute, else in minutes rounded up, so the person never tries too early. */
export function formatTimeLeft(seconds: number, language: string): string {
  const whole = Math.max(1, Math.ceil(seconds))
  const [unit, amount] = whole < 60 ? (['second', whole] as const) : (['minute', Math.ceil(whole / 60)] as const)
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(amount)
}
