const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const

/** A size in the language's words and its largest unit of 1,000 (as disks count), one decimal at most: "2.4 MB". */
export function formatBytes(bytes: number, language: string): string {
  let amount = Math.max(0, bytes)
  let index = 0
  while (amount >= 1000 && index < units.length - 1) {
    amount /= 1000
    index += 1
  }
  const digits = index === 0 ? 0 : 1
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: units[index],
    // "0 bytes", but "2.4 MB": the short form of a byte is its singular.
    unitDisplay: index === 0 ? 'long' : 'short',
    maximumFractionDigits: digits,
  }).format(amount)
}
