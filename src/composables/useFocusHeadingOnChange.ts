import { watch, type Ref } from 'vue'

// A panel fetched on demand may appear a moment after the step changed: keep looking for its heading this long.
const waitForHeadingMs = 3000

function focusHeadingOnceShown(deadline: number): void {
  requestAnimationFrame(() => {
    const heading = document.querySelector<HTMLElement>('main h1')
    if (heading) heading.focus()
    else if (performance.now() < deadline) focusHeadingOnceShown(deadline)
  })
}

/** Moves focus to the new panel's heading when the step changes, so screen readers announce it. */
export function useFocusHeadingOnChange(step: Ref<string>): void {
  // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, the heading is looked for at the next animation frame, after any flush
  watch(step, () => focusHeadingOnceShown(performance.now() + waitForHeadingMs), { flush: 'post' })
}
