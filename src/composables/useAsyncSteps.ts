import { shallowRef } from 'vue'
import { useAsyncAction } from './useAsyncAction'

// Apart from useAsyncAction, which every first paint loads: only the consent step, fetched later, needs it.
/**
 * useAsyncAction for a flow whose actions are named steps: `busyStep` tells which one runs,
 * so its button alone shows progress while the others wait.
 */
export function useAsyncSteps<Step extends string>() {
  const action = useAsyncAction()
  const busyStep = shallowRef<Step | null>(null)

  async function run<T>(step: Step, task: () => Promise<T>): Promise<T | null> {
    if (action.status.value === 'pending') return null
    busyStep.value = step
    try {
      return await action.run(task)
    } finally {
      busyStep.value = null
    }
  }

  return { status: action.status, error: action.error, busyStep, run }
}
