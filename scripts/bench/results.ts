import type { BudgetLine } from './bundleBudget.ts'
import type { MemoryFigures } from './memory.ts'
import type { LoadSample } from './pageLoad.ts'
import type { SignInSample } from './signInFlow.ts'
import { median, medianOf } from './stats.ts'

type UsableSample = Extract<LoadSample, { outcome: 'usable' }>

export interface PageFigures {
  fcpMs?: number
  usableMs?: number
  appBytes?: number
  platformBytes?: number
  appRequests?: number
  platformRequests?: number
  settledBytes?: number
}

export interface PageResult {
  name: string
  url: string
  /** `usable` when a form showed in every run; `not built` when the app answered with its not-found page. */
  outcome: 'usable' | 'not built' | 'failed'
  median: PageFigures
  /** Our median over the floor's, for the transferred bytes, FCP and usable time. */
  toFloor?: { bytes?: number; fcp?: number; usable?: number }
  samples: LoadSample[]
}

export interface SignInResult {
  login: 'username' | 'e-mail'
  medianMs?: number
  requests: string[]
  preflights: string[]
  roundTrips: number
  roundTripsWithPreflights: number
  samples: SignInSample[]
}

export interface BenchResults {
  date: string
  conditions: Record<string, unknown>
  bundle: { lines: BudgetLine[]; floorGzipBytes: number }
  pages: PageResult[]
  floor: PageResult
  signIn: SignInResult[]
  memory: MemoryFigures
}

export function pageResult(name: string, url: string, samples: LoadSample[]): PageResult {
  const usable = samples.filter((sample): sample is UsableSample => sample.outcome === 'usable')
  const outcome = usable.length === samples.length ? 'usable' : samples.some((sample) => sample.outcome === 'not-built') ? 'not built' : 'failed'
  return {
    name,
    url,
    outcome,
    median: {
      fcpMs: medianOf(usable, (sample) => sample.fcpMs),
      usableMs: medianOf(usable, (sample) => sample.usableMs),
      appBytes: medianOf(usable, (sample) => sample.appBytes),
      platformBytes: medianOf(usable, (sample) => sample.platformBytes),
      appRequests: medianOf(usable, (sample) => sample.appRequests),
      platformRequests: medianOf(usable, (sample) => sample.platformRequests),
      settledBytes: medianOf(usable, (sample) => sample.settledBytes),
    },
    samples,
  }
}

function ratio(ours: number | undefined, floor: number | undefined): number | undefined {
  return ours === undefined || floor === undefined || floor === 0 ? undefined : ours / floor
}

export function withFloorRatios(page: PageResult, floor: PageResult): PageResult {
  return {
    ...page,
    toFloor: {
      bytes: ratio(page.median.appBytes, floor.median.appBytes),
      fcp: ratio(page.median.fcpMs, floor.median.fcpMs),
      usable: ratio(page.median.usableMs, floor.median.usableMs),
    },
  }
}

/** The request list of the last run (the runs are compared by count), and the medians. */
export function signInResult(login: SignInResult['login'], samples: SignInSample[]): SignInResult {
  const last = samples.at(-1)
  return {
    login,
    medianMs: median(samples.map((sample) => sample.ms)),
    requests: last?.requests ?? [],
    preflights: last?.preflights ?? [],
    roundTrips: median(samples.map((sample) => sample.roundTrips)) ?? 0,
    roundTripsWithPreflights: median(samples.map((sample) => sample.roundTripsWithPreflights)) ?? 0,
    samples,
  }
}
