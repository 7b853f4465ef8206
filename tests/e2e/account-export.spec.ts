import { readFile } from 'node:fs/promises'
import { unzipSync } from 'fflate'
import type { Page } from '@playwright/test'
import { signInToAccount } from './accountArea'
import { attachAxeFigures, expectAccessibleInBothThemes, type AxeFigure } from './accessibility'
import { demoPlatform } from './demoPlatform'
import {
  bigAttachmentBytes,
  exportSeed,
  failEventsPage,
  jsonOf,
  platformEvent,
  saveIntoPrivateFiles,
  savedZip,
  textOf,
} from './exportZip'
import { expect, test } from './fixtures'
import { tabTo } from './keyboard'
import { platformSecrets } from './securityKept'

const { username, password, attachments } = exportSeed
const panel = (page: Page) => page.locator('[data-export-status]')
const exportButton = (page: Page) => page.getByRole('button', { name: 'Export my data' })
const eventsPath = `^/${username}/events$`

async function openData(page: Page): Promise<void> {
  await saveIntoPrivateFiles(page)
  await signInToAccount(page, 'account', username, password)
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Your data' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Your data' })).toBeVisible()
}

async function expectStatus(page: Page, status: string, timeout = 60_000): Promise<void> {
  await expect(panel(page)).toHaveAttribute('data-export-status', status, { timeout })
}

/** The `skip` of every events page the platform was asked for, in order. */
async function eventPagesAsked(): Promise<string[]> {
  const log = (await demoPlatform.requests()) as Array<{ method: string; path: string; query?: Record<string, string> }>
  return log
    .filter((item) => item.method === 'GET' && item.path === `/${username}/events` && !item.query?.includeDeletions)
    .filter((item) => !String(item.query?.streams ?? '').includes(':_audit:'))
    .map((item) => item.query?.skip ?? '')
}

function eventsIn(files: Record<string, Uint8Array>): Record<string, unknown>[] {
  return Object.keys(files)
    .filter((name) => /^events\/\d{4}\.json$/.test(name))
    .sort()
    .flatMap((name) => jsonOf(files[name]) as Record<string, unknown>[])
}

async function expectCompleteExport(files: Record<string, Uint8Array>): Promise<void> {
  const names = Object.keys(files)
  expect(names).toEqual(
    expect.arrayContaining(['README.txt', 'account.json', 'streams.json', 'accesses.json', 'webhooks.json']),
  )
  const events = eventsIn(files)
  expect(events).toHaveLength(exportSeed.events.total)
  expect(new Set(events.map((event) => event.id)).size).toBe(exportSeed.events.total)
  expect(events.filter((event) => event.trashed === true)).toHaveLength(exportSeed.events.trashed)
  expect(jsonOf(files['event-deletions.json'])).toHaveLength(exportSeed.deletions)
  const streams = jsonOf(files['streams.json']) as Array<{ id: string; trashed?: boolean }>
  expect(streams.find((stream) => stream.id === 'old-project')?.trashed).toBe(true)
  expect(names.filter((name) => name.startsWith('attachments/'))).toHaveLength(attachments.count)
  const { big } = attachments
  const bigName = `attachments/${big.eventId}/${big.fileId}-${big.fileName}`
  expect(Buffer.from(files[bigName] ?? []).equals(bigAttachmentBytes())).toBe(true)
  const exported = events.find((event) => event.id === big.eventId)
  expect(exported).toEqual(await platformEvent(big.eventId))
  const { personal, mfa, access } = await platformSecrets()
  const everything = names.map((name) => Buffer.from(files[name] ?? []).toString('latin1')).join('\n')
  for (const token of [...personal, ...mfa, ...access]) expect(everything).not.toContain(token)
  expect(everything).not.toContain('readToken')
  expect(textOf(files['README.txt'])).toContain('events/0001.json')
  // Last, as it needs the platform's profile.get: nothing is missing, so no MISSING.txt.
  expect(names).toContain('profile.json')
  expect(jsonOf(files['profile.json'])).toEqual(exportSeed.profile)
  expect(names).not.toContain('MISSING.txt')
}

test.beforeEach(async () => {
  await demoPlatform.reset()
})

test('exports the seeded account into one ZIP that holds what the platform holds', async ({ page }) => {
  test.setTimeout(120_000)
  await openData(page)
  await exportButton(page).click()
  await expectStatus(page, 'done')
  await expect(page.getByRole('status')).toContainText(`${exportSeed.events.total.toLocaleString('en')} events`)
  await expectCompleteExport(await savedZip(page))
})

test('Cancel ends the export and saves no file', async ({ page }) => {
  await openData(page)
  await demoPlatform.faults([{ method: 'GET', path: eventsPath, delayMs: 3000, times: 1 }])
  await exportButton(page).click()
  await expectStatus(page, 'running')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expectStatus(page, 'cancelled')
  await expect(page.getByText('Export cancelled. No file was saved.')).toBeVisible()
  expect(await savedZip(page)).toEqual({})
})

test('an events page failing once is asked again and the file is complete', async ({ page }) => {
  test.setTimeout(120_000)
  await openData(page)
  await failEventsPage(2000, 1, 500)
  await exportButton(page).click()
  await expectStatus(page, 'done')
  expect(await eventPagesAsked()).toEqual(['0', '1000', '2000', '2000', '3000'])
  await expectCompleteExport(await savedZip(page))
})

test('a page failing every retry pauses; "Try again" goes on from that page into the same file', async ({ page }) => {
  test.setTimeout(120_000)
  await openData(page)
  await failEventsPage(1000, 3)
  await exportButton(page).click()
  await expectStatus(page, 'paused', 30_000)
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expectStatus(page, 'done')
  const asked = await eventPagesAsked()
  // The failed page four times (first try, two retries, after "Try again"), then the next ones, never from the start.
  expect(asked).toEqual(['0', '1000', '1000', '1000', '1000', '2000', '3000'])
  await expectCompleteExport(await savedZip(page))
})

test('the section has no axe violation, idle, paused and done, light and dark', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  const figures: AxeFigure[] = []
  await openData(page)
  await expectAccessibleInBothThemes(page, 'export idle', figures)
  await failEventsPage(0, 3)
  await exportButton(page).click()
  await expectStatus(page, 'paused', 30_000)
  await expectAccessibleInBothThemes(page, 'export paused', figures)
  await page.getByRole('button', { name: 'Try again' }).click()
  await expectStatus(page, 'done')
  await expectAccessibleInBothThemes(page, 'export done', figures)
  await attachAxeFigures(testInfo, figures)
})

test('the export runs with the keyboard only', async ({ page }) => {
  test.setTimeout(120_000)
  await openData(page)
  await tabTo(page, exportButton(page))
  await page.keyboard.press('Enter')
  await expectStatus(page, 'done')
  await expect(eventsIn(await savedZip(page))).toHaveLength(exportSeed.events.total)
})

/** Without the File System Access API (Firefox, Safari): the panel goes to the download, in `data`'s section. */
async function openDataWithoutPicker(page: Page, withoutWorker: boolean): Promise<void> {
  await page.addInitScript((noWorker) => {
    Reflect.deleteProperty(window, 'showSaveFilePicker')
    if (noWorker) Reflect.deleteProperty(Navigator.prototype, 'serviceWorker')
  }, withoutWorker)
  await signInToAccount(page, 'account', username, password)
  await page.getByRole('navigation', { name: 'Your account' }).getByRole('link', { name: 'Your data' }).click()
}

const exportName = new RegExp(`^pryv-export-${username}-\\d{4}-\\d{2}-\\d{2}\\.zip$`)

test('without the File System Access API the ZIP is downloaded as it is made, through the service worker', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openDataWithoutPicker(page, false)
  await expect(page.getByText('downloads the file as it is made')).toBeVisible()
  const download = page.waitForEvent('download', { timeout: 90_000 })
  await exportButton(page).click()
  const saved = await download
  expect(saved.suggestedFilename()).toMatch(exportName)
  // The worker's URL, answered by the worker: the server has no such file (it would answer the app's HTML).
  const { pathname } = new URL(saved.url())
  expect(pathname).toMatch(/^\/access\/export-download\/[0-9a-f-]{36}\/pryv-export-/)
  const scopes = await page.evaluate(async () =>
    (await navigator.serviceWorker.getRegistrations()).map((registration) => registration.scope),
  )
  expect(scopes.map((scope) => new URL(scope).pathname)).toEqual(['/access/export-download/'])
  await expectCompleteExport(unzipSync(await readFile(await saved.path())))
  await expectStatus(page, 'done')
  // Used once: the same URL again is the server's (the app's HTML), no longer the worker's download.
  const again = await (await page.context().newPage()).goto(saved.url())
  expect(again?.headers()['content-type']).toContain('text/html')
})

test('Cancel during a streamed download makes the download fail, not end short', async ({ page }) => {
  await openDataWithoutPicker(page, false)
  await demoPlatform.faults([{ method: 'GET', path: eventsPath, delayMs: 3000, times: 1 }])
  const download = page.waitForEvent('download', { timeout: 30_000 })
  await exportButton(page).click()
  const started = await download
  await expectStatus(page, 'running')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expectStatus(page, 'cancelled')
  await expect(page.getByText('Export cancelled. No file was saved.')).toBeVisible()
  expect(await started.failure()).not.toBeNull()
})

test('without the File System Access API nor service workers the ZIP is downloaded whole at the end', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await openDataWithoutPicker(page, true)
  await expect(page.getByText('the whole export is kept in memory')).toBeVisible()
  const download = page.waitForEvent('download', { timeout: 90_000 })
  await exportButton(page).click()
  const saved = await download
  expect(saved.suggestedFilename()).toMatch(exportName)
  expect(new URL(saved.url()).protocol).toBe('blob:')
  const files = unzipSync(await readFile(await saved.path()))
  expect(eventsIn(files)).toHaveLength(exportSeed.events.total)
  await expectStatus(page, 'done')
})
