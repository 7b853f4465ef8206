import { nextTick, watch, type Ref } from 'vue'

/** Moves focus to the new panel's heading when the step changes, so screen readers announce it. */
export function useFocusHeadingOnChange(step: Ref<string>): void {
  watch(step, async () => {
    await nextTick()
    document.querySelector<HTMLElement>('main h1')?.focus()
  })
}
