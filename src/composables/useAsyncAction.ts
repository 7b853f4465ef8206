import { ref, shallowRef } from 'vue'
import { toAppError, type AppError } from '@/services/appError'

/** Where an async action stands; the one status type every flow and component uses. */
export type AsyncStatus = 'idle' | 'pending' | 'done' | 'error'

/**
 * One async action at a time: 'pending' while it runs (a second run meanwhile
 * is ignored, so a double click makes one request), then the status its result
 * means (`settled`, 'done' by default), or 'error' with the reason.
 */
export function useAsyncAction() {
  const status = ref<AsyncStatus>('idle')
  const error = shallowRef<AppError | null>(null)

  /** The action's result, or null when it failed or another one was still running. */
  async function run<T>(
    action: () => Promise<T>,
    settled: (result: T) => AsyncStatus = () => 'done',
  ): Promise<T | null> {
    if (status.value === 'pending') return null
    status.value = 'pending'
    error.value = null
    try {
      const result = await action()
      status.value = settled(result)
      return result
    } catch (err) {
      error.value = toAppError(err)
      status.value = 'error'
      return null
    }
  }

  function clear(): void {
    status.value = 'idle'
    error.value = null
  }

  return { status, error, run, clear }
}

/** For actions that say whether they reached the flow's end: 'done' when they did, 'idle' when they stopped halfway (e.g. an MFA code is needed). */
export function reachedEnd(reached: boolean): AsyncStatus {
  return reached ? 'done' : 'idle'
}
