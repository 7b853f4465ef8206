import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, type TestInfo } from '@playwright/test'

const wcag21aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** One axe run: the state checked, its theme, and how many rules applied or passed. */
export interface AxeFigure {
  state: string
  theme: 'light' | 'dark'
  violations: number
  rulesChecked: number
}

/** axe-core's WCAG 2.1 A and AA rules on the whole page; fails with each violation's rule and elements. */
export async function expectAccessible(page: Page): Promise<number> {
  // Legacy mode runs axe in the page itself: the pages have no frames, and the default mode opens
  // a second page per run to merge frame results, which triples the time of each check.
  const results = await new AxeBuilder({ page }).withTags(wcag21aa).setLegacyMode(true).analyze()
  const violations = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  )
  expect(violations).toEqual([])
  // Rules that found something to check (passed or left for a person to judge): the rest did not apply.
  return results.passes.length + results.incomplete.length
}

/**
 * The page as it is now, checked in the light then the dark theme (the colour scheme is
 * switched in place, so the state need not be rebuilt), then back to light.
 */
export async function expectAccessibleInBothThemes(page: Page, state: string, figures: AxeFigure[]): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    figures.push({ state, theme, violations: 0, rulesChecked: await expectAccessible(page) })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** Attaches the figures to the test's report (`--reporter=json` shows them). */
export async function attachAxeFigures(testInfo: TestInfo, figures: AxeFigure[]): Promise<void> {
  await testInfo.attach('axe-figures', { body: JSON.stringify(figures, null, 1), contentType: 'application/json' })
}
