import type { AppError } from '@/services/appError'

/** What a sign-in form shows of the work behind it: a sign-in running, a cancel running, the last refusal. */
export interface SignInProgress {
  busy: boolean
  cancelling?: boolean
  error: AppError | null
}
