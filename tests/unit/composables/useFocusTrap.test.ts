// @vitest-environment jsdom
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref, type VNode } from 'vue'
import { useFocusTrap } from '@/composables/useFocusTrap'

// jsdom lays nothing out, so no element has an offsetParent: here a shown element has its parent as one.
const layout = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetParent')
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      return this.closest('[hidden]') ? null : this.parentElement
    },
  })
})
afterAll(() => {
  if (layout) Object.defineProperty(HTMLElement.prototype, 'offsetParent', layout)
})

const button = (id: string, attrs: Record<string, unknown> = {}) => h('button', { id, ...attrs }, id)

/** The modal panel's controls, then some that never take part in the cycle. */
const panel = (): VNode[] => [
  h('a', { id: 'first', href: '#consent' }, 'first'),
  h('input', { id: 'middle' }),
  button('last'),
  button('disabled', { disabled: true }),
  button('hidden', { hidden: true }),
  h('span', { id: 'skipped', tabindex: -1 }, 'skipped'),
]

/** A page with the language switch `switchAt` the panel (or none), the panel showing `content`, and a control outside both. */
function page(switchAt: 'before' | 'after' | null, shown = ref(true), content: () => VNode[] = panel) {
  const languageSwitch = button('language', { 'data-reachable-in-modal': '' })
  return mount(
    defineComponent({
      setup() {
        const container = ref<HTMLElement | null>(null)
        useFocusTrap(container)
        return () =>
          h('div', [
            button('outside'),
            switchAt === 'before' ? languageSwitch : null,
            shown.value ? h('section', { ref: container }, content()) : null,
            switchAt === 'after' ? languageSwitch : null,
          ])
      },
    }),
    { attachTo: document.body },
  )
}

function focus(id: string): void {
  document.getElementById(id)?.focus()
}

/** Presses Tab (or Shift+Tab) where the focus is; true when the trap took the key from the browser. */
function tab(shiftKey = false, key = 'Tab'): boolean {
  const event = new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true })
  ;(document.activeElement ?? document.body).dispatchEvent(event)
  return event.defaultPrevented
}

const focused = () => document.activeElement?.id

enableAutoUnmount(afterEach)
afterEach(() => document.body.replaceChildren())

describe('useFocusTrap', () => {
  it('wraps Tab from the last control to the first, the language switch before the panel included', () => {
    page('before')
    focus('last')
    expect([tab(), focused()]).toEqual([true, 'language'])
    expect([tab(true), focused()]).toEqual([true, 'last'])
  })

  it('keeps the order of the page when the language switch comes after the panel', () => {
    page('after')
    focus('language')
    expect([tab(), focused()]).toEqual([true, 'first'])
    expect([tab(true), focused()]).toEqual([true, 'language'])
  })

  it('leaves Tab to the browser inside the cycle, and other keys alone', () => {
    page('before')
    focus('middle')
    expect([tab(), focused()]).toEqual([false, 'middle'])
    expect([tab(true), focused()]).toEqual([false, 'middle'])
    focus('last')
    expect([tab(false, 'Enter'), focused()]).toEqual([false, 'last'])
    focus('language')
    expect([tab(), focused()]).toEqual([false, 'language'])
  })

  it('brings the focus back into the cycle from outside it, at either end', () => {
    page('before')
    focus('outside')
    expect([tab(), focused()]).toEqual([true, 'language'])
    focus('outside')
    expect([tab(true), focused()]).toEqual([true, 'last'])
  })

  it('leaves the focus on an element of the panel outside the cycle', () => {
    page('before')
    focus('skipped')
    expect([tab(), focused()]).toEqual([false, 'skipped'])
    expect([tab(true), focused()]).toEqual([false, 'skipped'])
  })

  it('takes no key from the browser when the panel has no control to cycle through', () => {
    page(null, ref(true), () => [h('p', 'Only words')])
    focus('outside')
    expect([tab(), tab(true), focused()]).toEqual([false, false, 'outside'])
  })

  it('leaves no key listener on the document once unmounted', () => {
    const added = vi.spyOn(document, 'addEventListener')
    const removed = vi.spyOn(document, 'removeEventListener')
    page('before').unmount()
    const listener = added.mock.calls.find(([type]) => type === 'keydown')?.[1]
    expect(listener).toBeTypeOf('function')
    expect(removed.mock.calls).toContainEqual(['keydown', listener])
  })

  it('traps nothing while the panel is not shown', () => {
    page('before', ref(false))
    focus('language')
    expect([tab(), focused()]).toEqual([false, 'language'])
    expect([tab(true), focused()]).toEqual([false, 'language'])
  })

  it('gives the focus back to what had it before, and lets Tab go once unmounted', () => {
    const opener = document.body.appendChild(document.createElement('button'))
    opener.id = 'opener'
    opener.focus()
    const wrapper = page('before')
    focus('last')
    wrapper.unmount()
    expect(focused()).toBe('opener')
    expect(tab()).toBe(false)
  })

  it('leaves the focus where it is when what had it before is gone', () => {
    const opener = document.body.appendChild(document.createElement('button'))
    opener.focus()
    const wrapper = page('before')
    opener.remove()
    focus('last')
    wrapper.unmount()
    expect(document.activeElement).not.toBe(opener)
  })
})
