import type { Page } from '@playwright/test'
import { demoPlatform } from './demoPlatform'
import { demoUser, expect, test } from './fixtures'
import { createButton } from './registerForm'

/*
 * Issue 12, defect 4: the username's availability line has its place kept
 * from the first keystroke, so its text coming, changing or wrapping never
 * moves the Create button.
 */

const slowCheck = 1500

async function createButtonTop(page: Page): Promise<number | undefined> {
  return (await createButton(page).boundingBox())?.y
}

for (const width of [320, 1024]) {
  test(`at ${width} px wide, checking and answering a username's availability never moves the Create button`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 1400 })
    await page.goto('/access/register')
    await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible()
    await demoPlatform.faults([{ method: 'GET', path: '/check_username$', delayMs: slowCheck, times: 2 }])
    const username = page.getByLabel('Username', { exact: true })

    for (const { name, answer } of [
      { name: 'a-rather-long-new-username-to-wrap', answer: '“a-rather-long-new-username-to-wrap” is available.' },
      { name: demoUser.username, answer: `“${demoUser.username}” is already taken.` },
    ]) {
      await username.fill(name)
      await expect(username).toHaveValue(name)
      const typed = await createButtonTop(page)
      await expect(
        page.getByText(`Checking whether “${name}” is free…`).filter({ visible: true }).first(),
      ).toBeVisible()
      expect(await createButtonTop(page), 'moved when the check started').toBe(typed)
      await expect(page.getByText(answer, { exact: true }).filter({ visible: true }).first()).toBeVisible({
        timeout: slowCheck + 7_000,
      })
      expect(await createButtonTop(page), 'moved when the answer came').toBe(typed)
    }
    await expect(username).toHaveAttribute('aria-invalid', 'true')
    const checks = (await demoPlatform.requests())
      .map((call) => `${call.method} ${call.path}`)
      .filter((call) => call.endsWith('/check_username'))
    expect(checks).toEqual([
      'GET /reg/a-rather-long-new-username-to-wrap/check_username',
      `GET /reg/${demoUser.username}/check_username`,
    ])
  })
}
