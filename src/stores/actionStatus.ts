import { ref, shallowRef } from 'vue'
import { toAppError, type AppError } from '@/services/appError'
import type { ActionStatus } from './authSession'

/**
 * The status of a flow's one running action: 'pending' while it runs (a second
 * submit meanwhile is ignored, so a double click makes one request), then
 * 'done' when it reached the flow's end, 'idle' when it stopped halfway (e.g.
 * an MFA code is needed), 'error' with the reason.
 */
export function useActionStatus() {
  const status = ref<ActionStatus>('idle')
  const error = shallowRef<AppError | null>(null)

  async function run(action: () => Promise<boolean>): Promise<void> {
    if (status.value === 'pending') return
    status.value = 'pending'
    error.value = null
    try {
      status.value = (await action()) ? 'done' : 'idle'
    } catch (err) {
      error.value = toAppError(err)
      status.value = 'error'
    }
  }

  function clear(): void {
    status.value = 'idle'
    error.value = null
  }

  return { status, error, run, clear }
}
