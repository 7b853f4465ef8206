// @vitest-environment node
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// axe checks text contrast; WCAG 1.4.11 also asks 3:1 for what is not text: the focus ring and the
// borders that show where a field is. Both themes of theme.css, against both backgrounds.
const css = readFileSync(new URL('../../../src/styles/theme.css', import.meta.url), 'utf8')
const darkStart = css.indexOf('@media (prefers-color-scheme: dark)')

function colours(block: string): Record<string, string> {
  return Object.fromEntries(
    [...block.matchAll(/--(color-[\w-]+):\s*(#[0-9a-f]{6})/gi)].map(([, name, value]) => [name, value]),
  )
}

const light = colours(css.slice(0, darkStart))
const themes = { light, dark: { ...light, ...colours(css.slice(darkStart)) } }

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((start) => parseInt(hex.slice(start, start + 2), 16) / 255)
    .map((channel) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4))
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05)
}

describe.each(Object.entries(themes))('%s theme', (_, theme) => {
  it.each(['color-focus', 'color-muted'])('%s stands out 3:1 from the page and the panels', (name) => {
    for (const background of ['color-bg', 'color-surface']) {
      expect(contrast(theme[name] ?? '', theme[background] ?? ''), `${name} on ${background}`).toBeGreaterThanOrEqual(3)
    }
  })
})
