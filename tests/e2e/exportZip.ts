import type { Page } from '@playwright/test'
import { unzipSync } from 'fflate'
import { exportSeed } from '../demo-platform/export-seed.ts'
import { fileBytes } from '../demo-platform/attachment-bytes.ts'
import { seededEventsOf } from '../demo-platform/export-seed-events.ts'
import { appUrl, platformUrl } from './urls'

export { exportSeed }

/**
 * Playwright cannot drive the browser's save picker: this one saves into the origin private file system (OPFS),
 * whose file handle writes the same way, and which the test then reads back.
 */
export async function saveIntoPrivateFiles(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Reflect.set(window, 'showSaveFilePicker', async (options: { suggestedName: string }) => {
      const root = await navigator.storage.getDirectory()
      Reflect.set(window, 'exportSuggestedName', options.suggestedName)
      return root.getFileHandle('export.zip', { create: true })
    })
  })
}

/** The saved ZIP's files, by name; an empty object when no file was saved. */
export async function savedZip(page: Page): Promise<Record<string, Uint8Array>> {
  const base64 = await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory()
    const handle = await root.getFileHandle('export.zip').catch(() => null)
    if (!handle) return ''
    const file = await handle.getFile()
    if (file.size === 0) return ''
    return new Promise<string>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '')
      reader.readAsDataURL(file)
    })
  })
  return base64 === '' ? {} : unzipSync(Buffer.from(base64, 'base64'))
}

export const textOf = (bytes: Uint8Array | undefined): string => Buffer.from(bytes ?? []).toString('utf8')
export const jsonOf = (bytes: Uint8Array | undefined): unknown => JSON.parse(textOf(bytes))

/** The seeded big attachment's bytes, as the platform generates them. */
export function bigAttachmentBytes(): Buffer {
  const { big } = exportSeed.attachments
  const event = seededEventsOf(exportSeed.username)?.events.find((item) => item.id === big.eventId)
  const stored = event?.attachments?.find((file) => file.id === big.fileId)
  if (!stored) throw new Error('The seeded big attachment is not in the seed')
  return fileBytes({ seed: stored.seed, size: stored.size, type: stored.type })
}

/** One event as the platform answers it now, read with a session of the test's own (its read tokens dropped). */
export async function platformEvent(id: string): Promise<Record<string, unknown>> {
  const base = `${platformUrl}/${exportSeed.username}/`
  const login = await fetch(`${base}auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: appUrl },
    body: JSON.stringify({ username: exportSeed.username, password: exportSeed.password, appId: 'test-export-check' }),
  })
  const { token } = (await login.json()) as { token: string }
  const answer = (await (await fetch(`${base}events/${id}`, { headers: { Authorization: token } })).json()) as {
    event: Record<string, unknown> & { attachments?: Record<string, unknown>[] }
  }
  const { event } = answer
  for (const file of event.attachments ?? []) delete file.readToken
  return event
}

/** A fault on one events page only (its `skip`), the other pages answered as usual. */
export async function failEventsPage(skip: number, times: number, status = 503): Promise<void> {
  const rule = {
    method: 'GET',
    path: `^/${exportSeed.username}/events$`,
    query: `(^|&)skip=${skip}(&|$)`,
    times,
    status,
  }
  await fetch(`${platformUrl}/_demo/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rules: [rule], latencyMs: 0 }),
  })
}
