import { accountSeed, expectNoTokenInPage, signInToAccount } from './accountArea'
import { demoPlatform, type AuditEntry } from './demoPlatform'
import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'

const { username, accessIds } = accountSeed

/** What the platform holds of one access's calls (its whole audit log mixes every access's). */
async function auditOf(accessId: string): Promise<AuditEntry[]> {
  const all = await demoPlatform.audit(username)
  return all.filter((entry) => entry.streamIds.includes(`:_audit:access-${accessId}`))
}

/** Shows every entry of the current filter, page by page. */
async function showAll(page: Page): Promise<void> {
  const older = page.getByRole('button', { name: 'Show older entries' })
  for (;;) {
    await expect(page.getByText('Reading its activity…')).toHaveCount(0)
    if ((await older.count()) === 0) return
    await older.click()
  }
}

const entries = (page: Page) => page.locator('.activity-entries > li')

test("an access's activity shows its own calls only, though the platform answers the whole account's", async ({
  page,
}) => {
  const own = await auditOf(accessIds.appDiary)
  const errors = own.filter((entry) => entry.type === 'audit-log/pryv-api-error')
  expect(own.length).toBeGreaterThan(100)
  expect((await demoPlatform.audit(username)).length).toBeGreaterThan(own.length)

  await signInToAccount(page, `account/apps/${accessIds.appDiary}`)
  await expect(page.getByRole('heading', { name: 'What it did' })).toBeVisible()
  const summary = page.locator('.activity-summary')
  await expect(summary).toContainText(`${own.length} calls`)
  await expect(summary).toContainText(`${errors.length} refused`)

  // The first page, then older ones, read back in time: every entry of this access, no other.
  await expect(entries(page)).not.toHaveCount(0)
  expect(await entries(page).count()).toBeLessThan(own.length)
  await showAll(page)
  await expect(entries(page)).toHaveCount(own.length)
  await expect(page.getByText('No older entry.')).toBeVisible()
  await expectNoTokenInPage(page)
})

test('the activity filters: refused calls only, one kind of call, a period', async ({ page }) => {
  const own = await auditOf(accessIds.appDiary)
  const errors = own.filter((entry) => entry.type === 'audit-log/pryv-api-error')
  const creates = own.filter((entry) => entry.content.action === 'events.create')
  const now = Date.now() / 1000
  const lastWeek = own.filter((entry) => entry.time >= now - 7 * 86400)

  await signInToAccount(page, `account/apps/${accessIds.appDiary}`)
  await expect(page.locator('.activity-summary')).toContainText(`${own.length} calls`)
  const filters = page.getByRole('form', { name: 'Filter the entries' })

  await filters.getByLabel('Refused calls only').check()
  await filters.getByRole('button', { name: 'Show' }).click()
  await showAll(page)
  await expect(entries(page)).toHaveCount(errors.length)
  await expect(page.locator('.activity-refused')).toHaveCount(errors.length)

  await filters.getByLabel('Refused calls only').uncheck()
  await filters.getByLabel('Kind of call').selectOption('events.create')
  await filters.getByRole('button', { name: 'Show' }).click()
  await showAll(page)
  await expect(entries(page)).toHaveCount(creates.length)
  await expect(page.locator('.activity-action').first()).toHaveText('Added data')

  await filters.getByLabel('Kind of call').selectOption('')
  await filters.getByLabel('Period').selectOption('week')
  await filters.getByRole('button', { name: 'Show' }).click()
  await showAll(page)
  await expect(entries(page)).toHaveCount(lastWeek.length)
})

test("an audit entry's words are shown as text, never as markup", async ({ page }) => {
  const listed = [accessIds.appDiary, accessIds.appBackup, accessIds.sharedLink, accessIds.cmcGrant]
  const all = await demoPlatform.audit(username)
  const accessId = listed.find((id) =>
    all.some(
      (entry) =>
        entry.streamIds.includes(`:_audit:access-${id}`) &&
        JSON.stringify(entry.content).includes('<img src=x onerror=alert(1)>'),
    ),
  )
  if (!accessId) throw new Error('the seed gives a listed access an audit entry with markup')
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await signInToAccount(page, `account/apps/${accessId}`)
  await expect(page.getByRole('heading', { name: 'What it did' })).toBeVisible()
  await showAll(page)
  await expect(page.locator('.activity-entries').getByText('<img src=x onerror=alert(1)>').first()).toBeAttached()
  await expect(page.locator('.activity-entries img, .activity-entries script')).toHaveCount(0)
  expect(dialogs).toEqual([])
})
