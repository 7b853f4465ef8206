// @vitest-environment jsdom
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, ref } from 'vue'
import { useFocusHeadingOnChange } from '@/composables/useFocusHeadingOnChange'

const step = ref('sign-in')

/** A page's heading, focusable by script as the panels' are. */
function addHeading(where: 'main' | 'body' = 'main'): HTMLElement {
  const heading = document.createElement('h1')
  heading.tabIndex = -1
  ;(where === 'main' ? document.querySelector('main') : document.body)?.append(heading)
  return heading
}

/** A component whose focus follows `source`, as a page's or the app's does. */
function watching(source: Parameters<typeof useFocusHeadingOnChange>[0]) {
  return defineComponent({
    setup() {
      useFocusHeadingOnChange(source)
      return () => h('p')
    },
  })
}

async function changeStep(to: string): Promise<void> {
  step.value = to
  await nextTick()
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'performance'] })
  document.body.replaceChildren(document.createElement('main'))
  step.value = 'sign-in'
  mount(watching(step))
})

enableAutoUnmount(afterEach)
afterEach(() => vi.useRealTimers())

describe('useFocusHeadingOnChange', () => {
  it('moves the focus to the main heading at the next frame after a step change, and not before one', async () => {
    const heading = addHeading()
    vi.advanceTimersByTime(100)
    expect(document.activeElement).not.toBe(heading)
    await changeStep('consent')
    expect(document.activeElement).not.toBe(heading)
    vi.advanceTimersByTime(16)
    expect(document.activeElement).toBe(heading)
  })

  it('waits for a heading fetched on demand, up to three seconds', async () => {
    await changeStep('consent')
    vi.advanceTimersByTime(2900)
    const heading = addHeading()
    vi.advanceTimersByTime(50)
    expect(document.activeElement).toBe(heading)
  })

  it('stops looking at the deadline itself', async () => {
    // Frames come every 16 ms from the clock's start: 8 ms in, the deadline (3008 ms) falls on a frame.
    vi.advanceTimersByTime(8)
    await changeStep('consent')
    vi.advanceTimersByTime(3002)
    const late = addHeading()
    vi.advanceTimersByTime(100)
    expect(document.activeElement).not.toBe(late)
  })

  it('stops looking after three seconds', async () => {
    await changeStep('consent')
    vi.advanceTimersByTime(3100)
    const late = addHeading()
    vi.advanceTimersByTime(1000)
    expect(document.activeElement).not.toBe(late)
  })

  it('focuses only the heading inside main', async () => {
    const outside = addHeading('body')
    await changeStep('consent')
    vi.advanceTimersByTime(100)
    expect(document.activeElement).not.toBe(outside)
  })
})

describe('useFocusHeadingOnChange on the app’s pages', () => {
  it('leaves the first page’s focus where it is, then moves it to the heading of each page shown after', async () => {
    const page = ref<string | undefined>(undefined)
    mount(watching(() => page.value))
    const heading = addHeading()
    page.value = 'auth'
    await nextTick()
    vi.advanceTimersByTime(100)
    expect(document.activeElement).not.toBe(heading)
    page.value = 'register'
    await nextTick()
    vi.advanceTimersByTime(16)
    expect(document.activeElement).toBe(heading)
  })
})
