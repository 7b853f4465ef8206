import type { AppError, AppErrorCode } from './appError'

// Our message says only what kind of failure it was (or, for fields, points at those it can mark): the platform's
// words say which part, so they are offered.
const generalCodes: ReadonlySet<AppErrorCode> = new Set([
  'invalid-request',
  'invalid-fields',
  'forbidden',
  'unsupported',
  'server',
  'unknown',
])

// Words meant for the platform's operator (an SMS provider's answer, an HTTP status), not for the person.
const internalWords = /provider|\bHTTP \d{3}\b|\bstack\b|\bECONN|\bETIMEDOUT/i

/**
 * The platform's own words worth showing beside our message: none where our words already say it all (a wrong
 * password, a wrong code: theirs would only repeat ours in another language), never its internal ones.
 */
export function platformWordsShown(error: AppError): string[] {
  return generalCodes.has(error.code) ? error.details.filter((line) => !internalWords.test(line)) : []
}
