import type { Connection } from 'pryv'
import { toAppError, type AppError } from '@/services/appError'
import { attachmentPath, attachmentsOf, openAttachment } from './attachmentFiles'
import { readEventPage, eventsQuery, isAccountField, isAuditEntry, pageSize, type EventRecord } from './eventPages'
import { jsonList, jsonObject, pageFileName } from './exportJson'
import { plainParts } from './exportParts'
import { readmeText } from './exportReadme'
import { withRetries, type ExportPause } from './exportRetry'
import { eventWithoutSecrets, withoutSecrets, withoutToken } from './exportSecrets'

/** One file of the ZIP, as `client-zip` takes it. */
export interface ZipEntry {
  name: string
  input: string | ReadableStream<Uint8Array>
  lastModified: Date
}

/** Something the export could not hold, said in MISSING.txt and on the page. */
export interface MissingPart {
  part: string
  reason: AppError['code'] | 'gone'
}

export interface ExportProgress {
  events: number
  attachments: number
}

export interface ExportJob {
  connection: Connection
  username: string
  signal: AbortSignal
  pause: ExportPause
  onProgress: (progress: ExportProgress) => void
  missing: MissingPart[]
  startedAt: Date
  retryDelays?: readonly number[]
}

const defaultDelays = [1000, 3000]

/** The ZIP's files in order, each read when the ZIP asks for it, so no more than one page is held at a time. */
export async function* exportEntries(job: ExportJob): AsyncGenerator<ZipEntry> {
  const progress: ExportProgress = { events: 0, attachments: 0 }
  const file = (name: string, text: string): ZipEntry => ({
    name,
    input: withoutToken(text, job.connection.token ?? ''),
    lastModified: job.startedAt,
  })
  yield file('README.txt', readmeText({ ...job, startedAt: job.startedAt.toISOString(), platform: platformOf(job) }))
  for (const [name, read] of plainParts(job.connection)) {
    const value = await readPart(job, name, read)
    if (value !== undefined) yield file(name, jsonObject(withoutSecrets(value)))
  }
  yield* eventFiles(job, progress, file)
  const deletions = await readPart(job, 'event-deletions.json', async () => {
    const page = await readEventPage(job.connection, { includeDeletions: true, modifiedSince: 0, ...eventsQuery(0) })
    return page.deletions
  })
  if (deletions !== undefined) yield file('event-deletions.json', jsonList(deletions))
  yield* auditFiles(job, file)
  if (job.missing.length > 0) yield file('MISSING.txt', missingText(job.missing))
}

type FileOf = (name: string, text: string) => ZipEntry

function platformOf(job: ExportJob): string {
  return new URL(job.connection.endpoint).host
}

/** A part read with retries; a refusal is recorded as missing and the export goes on. */
async function readPart<T>(job: ExportJob, part: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await withRetries(read, { delays: job.retryDelays ?? defaultDelays, signal: job.signal, pause: job.pause })
  } catch (err) {
    job.signal.throwIfAborted()
    const failure = toAppError(err)
    if (failure.code === 'session-expired') throw failure
    job.missing.push({ part, reason: failure.code })
    return undefined
  }
}

async function* eventFiles(job: ExportJob, progress: ExportProgress, file: FileOf): AsyncGenerator<ZipEntry> {
  for (let index = 0; ; index += 1) {
    const page = await readPart(job, `events from number ${index * pageSize + 1}`, () =>
      readEventPage(job.connection, eventsQuery(index * pageSize)),
    )
    if (!page) return
    const events = page.events.filter((event) => !isAccountField(event))
    yield file(pageFileName('events', index), jsonList(events.map(eventWithoutSecrets)))
    progress.events += events.length
    job.onProgress({ ...progress })
    yield* attachmentFiles(job, progress, events)
    if (page.events.length < pageSize) return
  }
}

async function* attachmentFiles(
  job: ExportJob,
  progress: ExportProgress,
  events: EventRecord[],
): AsyncGenerator<ZipEntry> {
  for (const attachment of events.flatMap(attachmentsOf)) {
    const name = attachmentPath(attachment)
    const body = await readPart(job, name, () => openAttachment(job.connection, attachment, job.signal))
    if (body === null) job.missing.push({ part: name, reason: 'gone' })
    if (!body) continue
    yield { name, input: body, lastModified: job.startedAt }
    progress.attachments += 1
    job.onProgress({ ...progress })
  }
}

/** The whole account's trail; the store may answer other entries whatever is asked (§6.2), so they are sifted. */
async function* auditFiles(job: ExportJob, file: FileOf): AsyncGenerator<ZipEntry> {
  for (let index = 0; ; index += 1) {
    const query = { streams: [':_audit:'], sortAscending: true, limit: pageSize, skip: index * pageSize }
    const page = await readPart(job, `audit from number ${index * pageSize + 1}`, () =>
      readEventPage(job.connection, query),
    )
    if (!page) return
    if (page.events.length > 0 || index === 0)
      yield file(pageFileName('audit', index), jsonList(page.events.filter(isAuditEntry)))
    if (page.events.length < pageSize) return
  }
}

function missingText(missing: readonly MissingPart[]): string {
  const lines = missing.map(
    (item) => `${item.part}: ${item.reason === 'gone' ? 'no longer on the platform' : item.reason}`,
  )
  return ['This export is not complete. These could not be read:', '', ...lines, ''].join('\n')
}
