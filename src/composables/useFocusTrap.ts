import { onBeforeUnmount, onMounted, type Ref } from 'vue'

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'
/** Controls outside any modal step that stay in its Tab cycle (the shell's language switch). */
const reachableInModal = '[data-reachable-in-modal]'

function cycleItems(root: HTMLElement): HTMLElement[] {
  const outside = [...document.querySelectorAll<HTMLElement>(reachableInModal)].filter((item) => !root.contains(item))
  const inside = [...root.querySelectorAll<HTMLElement>(focusable)]
  return [...outside, ...inside]
    .filter((item) => item.offsetParent !== null)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
}

/**
 * Keeps Tab and Shift+Tab inside `container` while it is shown (a modal panel such as the
 * consent), plus the controls marked `data-reachable-in-modal`, and gives focus back to what
 * had it before, when that is still on the page.
 */
export function useFocusTrap(container: Ref<HTMLElement | null>): void {
  let previous: Element | null = null

  function cycle(event: KeyboardEvent): void {
    const root = container.value
    if (event.key !== 'Tab' || !root) return
    const items = cycleItems(root)
    const first = items[0]
    const last = items[items.length - 1]
    if (!first || !last) return
    const active = document.activeElement
    const outside = !items.includes(active as HTMLElement) && !root.contains(active)
    if (event.shiftKey && (active === first || outside)) {
      event.preventDefault()
      last.focus()
    } else if (!event.shiftKey && (active === last || outside)) {
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
