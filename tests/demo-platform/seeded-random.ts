/** A generator of numbers in [0, 1): the same seed gives the same sequence. */
export type Random = () => number

/** mulberry32: small and fast, so seeded data (audit logs, exported accounts, attachment bytes) is the same at every reset. */
export function seededRandom(seed: number): Random {
  let state = seed | 0
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T

const idAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** An id shaped like Pryv's cuids (25 characters starting with "c"), drawn from the generator. */
export function cuidLike(random: Random): string {
  let id = 'c'
  for (let index = 0; index < 24; index++) id += idAlphabet[Math.floor(random() * idAlphabet.length)]
  return id
}
