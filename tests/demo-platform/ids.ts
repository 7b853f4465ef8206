import { randomBytes, randomInt } from 'node:crypto'

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'

function randomString(length: number, chars: string): string {
  const bytes = randomBytes(length)
  let out = ''
  for (const byte of bytes) out += chars[byte % chars.length]
  return out
}

/** Ids and tokens look like Pryv's cuids: 25 lowercase characters starting with "c". */
export function newId(): string {
  return 'c' + randomString(24, alphabet)
}

/** Auth request keys: unguessable, URL-safe, 20 characters. */
export function newAccessKey(): string {
  return randomString(20, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')
}

/** A 6-digit SMS code. */
export function newSmsCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/** Seconds since the epoch, as Pryv timestamps are. */
export function nowSeconds(): number {
  return Date.now() / 1000
}
