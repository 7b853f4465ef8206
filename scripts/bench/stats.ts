/** The median of the samples (the mean of the middle two for an even count); undefined when there are none. */
export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** The median of one numeric field over samples that have it. */
export function medianOf<T>(samples: T[], pick: (sample: T) => number | undefined): number | undefined {
  return median(samples.map(pick).filter((value): value is number => value !== undefined))
}
