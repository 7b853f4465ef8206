import { toAppError, type AppError } from '@/services/appError'

/** Asked once a call failed every retry: resolves to try it again, rejects to end the export. */
export type ExportPause = (failure: AppError) => Promise<void>

export interface RetryOptions {
  /** Milliseconds before each retry; once they are used up, the export pauses. */
  delays: readonly number[]
  signal: AbortSignal
  pause: ExportPause
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(signal.reason)
    })
  })
}

/**
 * Runs a platform read, retried after each delay, then paused until the person says "Try again" (the same read
 * again, so the export goes on from where it stopped) or "Stop". A refusal (an ended session, a forbidden read) is thrown at once: asking again changes nothing.
 */
export async function withRetries<T>(work: () => Promise<T>, options: RetryOptions): Promise<T> {
  let attempt = 0
  for (;;) {
    options.signal.throwIfAborted()
    try {
      return await work()
    } catch (err) {
      options.signal.throwIfAborted()
      const failure = toAppError(err)
      if (!failure.retryable) throw failure
      const delay = options.delays[attempt]
      attempt += 1
      if (delay !== undefined) await sleep(delay, options.signal)
      else {
        await options.pause(failure)
        attempt = 0
      }
    }
  }
}
