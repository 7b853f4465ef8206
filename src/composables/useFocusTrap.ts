import { onBeforeUnmount, onMounted, type Ref } from 'vue'

const focusable = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * Keeps Tab and Shift+Tab inside `container` while it is shown (a modal panel such as the
 * consent), and gives focus back to what had it before, when that is still on the page.
 */
export function useFocusTrap(container: Ref<HTMLElement | null>): void {
  let previous: Element | null = null

  function cycle(event: KeyboardEvent): void {
    const root = container.value
    if (event.key !== 'Tab' || !root) return
    const items = [...root.querySelectorAll<HTMLElement>(focusable)].filter((item) => item.offsetParent !== null)
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) return
    const outside = !root.contains(document.activeElement)
    if (event.shiftKey && (document.activeElement === first || outside)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (document.activeElement === last || outside)) {
      event.preventDefault()
      first.focus()
    }
  }

  onMounted(() => {
    previous = document.activeElement
    document.addEventListener('keydown', cycle)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('keydown', cycle)
    if (previous instanceof HTMLElement && previous.isConnected) previous.focus()
  })
}
