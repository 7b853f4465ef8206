/** Hundreds of generated cases take seconds on a busy machine: each property test gets this long. */
export const fuzzTimeoutMs = 30_000
