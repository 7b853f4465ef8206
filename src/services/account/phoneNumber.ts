/** What a phone number may hold besides digits: spaces, dots, dashes and brackets, as people write them. */
const separators = /[\s().-]/g
const minDigits = 6
const maxDigits = 15

/**
 * The number to send for the SMS, in the international form the platform's provider needs (`+` and 6 to 15 digits,
 * the E.164 length), or null when the text cannot be one.
 */
export function phoneNumberOf(text: string): string | null {
  const compact = text.replace(separators, '').replace(/^00/, '+')
  if (!/^\+\d+$/.test(compact)) return null
  const digits = compact.length - 1
  return digits >= minDigits && digits <= maxDigits ? compact : null
}

/** A phone number shown without giving it away: its last two digits only ("•••• 89"). */
export function maskedPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '')
  return digits.length < 2 ? '••••' : `•••• ${digits.slice(-2)}`
}
