import { expect, type Locator, type Page } from '@playwright/test'

/** Presses a key and checks where the focus went: the order a keyboard user meets. */
export async function pressAndExpectFocus(page: Page, key: string, target: Locator): Promise<void> {
  await page.keyboard.press(key)
  await expect(target).toBeFocused()
}

/**
 * A modal step's Tab cycle, from its heading: Tab through `items` and back to the first, then
 * Shift+Tab back through them to the last, so neither key ever leaves the cycle.
 */
export async function expectTabCycle(page: Page, items: Locator[]): Promise<void> {
  for (const item of [...items, items[0]]) if (item) await pressAndExpectFocus(page, 'Tab', item)
  for (const item of [...items].reverse()) await pressAndExpectFocus(page, 'Shift+Tab', item)
}

/** Tabs from where the focus is until it reaches `target`, as a keyboard user walks down a page (at most 60 stops). */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let stops = 0; stops < 60; stops += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

/** Types into the focused field, key by key, as a person does (no `fill`). */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await expect(field).toBeFocused()
  await page.keyboard.type(text)
  await expect(field).toHaveValue(text)
}

/** The focused control shows a focus ring of at least 2 px (WCAG 2.4.7). */
export async function expectFocusRing(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement ?? document.body)
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) }
  })
  expect(ring.style).not.toBe('none')
  expect(ring.width).toBeGreaterThanOrEqual(2)
}

/** Signs in from the login field the page focused: type, Tab, type, Enter in the password field. */
export async function signInWithKeyboard(page: Page, login: string, password: string): Promise<void> {
  await typeInto(page, page.getByLabel('Username or e-mail'), login)
  await pressAndExpectFocus(page, 'Tab', page.getByLabel('Password', { exact: true }))
  await page.keyboard.type(password)
  await page.keyboard.press('Enter')
}
