import type { Locator } from '@playwright/test'

/** Two clicks in one task, before the page can disable the button: only the action's own guard stops the second. */
export async function clickTwiceAtOnce(button: Locator): Promise<void> {
  await button.evaluate((element) => {
    ;(element as HTMLButtonElement).click()
    ;(element as HTMLButtonElement).click()
  })
}
