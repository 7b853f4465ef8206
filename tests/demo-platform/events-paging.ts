import type { ParamsCheck } from './validation.ts'

/** Which page of events to answer; times in seconds. */
export interface Paging {
  fromTime?: number
  toTime?: number
  limit?: number
  skip: number
  sortAscending: boolean
}

const day = 24 * 3600

/**
 * events.get's paging with the platform's defaults: a `toTime` alone looks
 * back 24 hours, a `fromTime` alone runs to now (so future events stay out),
 * and with neither time nor `limit` the 20 newest are answered; `limit` or
 * `skip` alone apply no time bound.
 */
export function parsePaging(check: ParamsCheck, now: number): Paging {
  const given = {
    fromTime: check.number('fromTime'),
    toTime: check.number('toTime'),
    limit: check.number('limit'),
    skip: check.number('skip') ?? 0,
    sortAscending: check.boolean('sortAscending') ?? false,
  }
  if (given.fromTime === undefined && given.toTime !== undefined) given.fromTime = given.toTime - day
  if (given.fromTime !== undefined && given.toTime === undefined) given.toTime = now
  if (given.fromTime === undefined && given.toTime === undefined && given.limit === undefined) given.limit = 20
  return given
}

/** The items within the time bounds (inclusive), sorted by time, then the page `skip` and `limit` pick. */
export function pageOf<T extends { time: number }>(items: T[], paging: Paging): T[] {
  const { fromTime, toTime, limit, skip, sortAscending } = paging
  const sorted = items
    .filter(
      (item) => (fromTime === undefined || item.time >= fromTime) && (toTime === undefined || item.time <= toTime),
    )
    .sort((a, b) => (sortAscending ? a.time - b.time : b.time - a.time))
  const start = Math.max(0, skip)
  return limit === undefined ? sorted.slice(start) : sorted.slice(start, start + Math.max(0, limit))
}

/** `types` entries match exactly, or a whole class with `class/*`. */
export function typeMatches(types: string[] | undefined, type: string): boolean {
  return (
    types === undefined ||
    types.some((wanted) => wanted === type || (wanted.endsWith('/*') && type.startsWith(wanted.slice(0, -1))))
  )
}
