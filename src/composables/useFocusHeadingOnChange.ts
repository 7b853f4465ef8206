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

/**
 * Moves focus to the new panel's heading when the step (or the page) changes, so screen readers announce it; not
 * when the first one is shown (`undefined` before it), where the page's own first field has the focus.
 */
export function useFocusHeadingOnChange(step: Ref<string> | (() => string | undefined)): void {
  watch(
    step,
    (_now, before) => {
      if (before !== undefined) focusHeadingOnceShown(performance.now() + waitForHeadingMs)
    },
    // Stryker disable next-line ObjectLiteral,StringLiteral: equivalent, the heading is looked for at the next animation frame, after any flush
    { flush: 'post' },
  )
}
