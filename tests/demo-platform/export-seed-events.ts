import { createHash } from 'node:crypto'
import { fileBytes, fileIntegrity } from './attachment-bytes.ts'
import type { PryvEvent, StoredAttachment } from './cmc-records.ts'
import { benchSeed, exportSeed, seedAnchor, seedSpan, type SeededFile } from './export-seed.ts'
import { cuidLike, pick, seededRandom, type Random } from './seeded-random.ts'

/** An event deleted before the seed, as `eventDeletions` lists it. */
export interface EventDeletion {
  id: string
  deleted: number
  integrity: string
}

export interface SeededEvents {
  events: readonly PryvEvent[]
  deletions: readonly EventDeletion[]
}

const day = 24 * 3600
const byPersonal = 'cexportpersonalaccess0001'

// Content kinds per stream: small objects, as a real app would write them.
type Kind = 'weight' | 'bp' | 'run' | 'note'
const kinds: Record<Kind, (random: Random) => { type: string; content: Record<string, unknown> }> = {
  weight: (random) => ({ type: 'mass/kg', content: { value: Math.round((60 + random() * 30) * 10) / 10 } }),
  bp: (random) => ({
    type: 'blood-pressure/mmhg-bpm',
    content: { systolic: 100 + Math.floor(random() * 50), diastolic: 60 + Math.floor(random() * 30) },
  }),
  run: (random) => ({
    type: 'activity/run',
    content: { km: Math.round(random() * 200) / 10, minutes: 10 + Math.floor(random() * 80) },
  }),
  note: (random) => ({
    type: 'note/json',
    content: { text: pick(random, ['Slept well', 'Headache', 'Long walk', 'Busy day', 'Felt great']) },
  }),
}

const kindOfStream: Record<string, Kind> = {
  'health-weight': 'weight',
  'health-bp': 'bp',
  'health-activity': 'run',
  'health-activity-runs': 'run',
  diary: 'note',
  'old-project': 'note',
}

function integrityOf(kind: string, value: unknown): string {
  return `${kind}:0:sha256-` + createHash('sha256').update(JSON.stringify(value)).digest('base64')
}

/** One event at a random time in the seed's two years; `modifiedAfterDays` moves its `modified` later. */
function plainEvent(random: Random, streamId: string, modifiedAfterDays = 0): PryvEvent {
  const { type, content } = kinds[kindOfStream[streamId] ?? 'note'](random)
  const time = Math.round(seedAnchor - seedSpan + random() * (seedSpan - 30 * day))
  const created = time + Math.floor(random() * 3600)
  return {
    id: cuidLike(random),
    streamIds: [streamId],
    type,
    content,
    time,
    created,
    createdBy: byPersonal,
    modified: created + modifiedAfterDays * day,
    modifiedBy: byPersonal,
  }
}

function attachmentOf(file: SeededFile, seed: number): StoredAttachment {
  const generated = { seed, size: file.size, type: file.type }
  return {
    id: file.fileId,
    fileName: file.fileName,
    type: file.type,
    size: file.size,
    integrity: fileIntegrity(generated),
    seed,
  }
}

/** The events carrying files: one per distinct event id, its files in order. */
function fileEvents(random: Random, files: readonly SeededFile[]): PryvEvent[] {
  const events = new Map<string, PryvEvent>()
  files.forEach((file, index) => {
    let event = events.get(file.eventId)
    if (!event) {
      event = { ...plainEvent(random, file.streamId), id: file.eventId, attachments: [] }
      event.type = file.type === 'image/png' ? 'picture/attached' : 'file/attached'
      event.content = { description: file.fileName }
      events.set(file.eventId, event)
    }
    event.attachments?.push(attachmentOf(file, 1000 + index))
  })
  return [...events.values()]
}

function deletionsOf(random: Random, count: number): EventDeletion[] {
  return Array.from({ length: count }, () => {
    const id = cuidLike(random)
    const deleted = Math.round(seedAnchor - random() * seedSpan)
    return { id, deleted, integrity: integrityOf('EVENT', { id, deleted }) }
  })
}

function exportUserEvents(): SeededEvents {
  const random = seededRandom(20241231)
  const events: PryvEvent[] = []
  let generated = 0
  for (const [streamId, count] of Object.entries(exportSeed.streams.eventCounts)) {
    for (let index = 0; index < count; index++) {
      const event = plainEvent(random, streamId, generated % 10 === 9 ? 5 : 0)
      // Spread the trashed ones over the live streams: the 25 first multiples of 97.
      if (streamId !== 'old-project' && generated % 97 === 0 && generated / 97 < exportSeed.events.trashed)
        event.trashed = true
      events.push(event)
      generated++
    }
  }
  events.push(...fileEvents(random, exportSeed.attachments.files))
  return { events, deletions: deletionsOf(random, exportSeed.deletions) }
}

function benchEvents(account: (typeof benchSeed.accounts)[number]): SeededEvents {
  const random = seededRandom(account.events)
  const streams = benchSeed.streams.map((stream) => stream.id)
  const files = fileEvents(random, account.files)
  const events = Array.from({ length: account.events - files.length }, () => {
    const event = plainEvent(random, pick(random, streams))
    event.content = { ...event.content, note: 'x'.repeat(40 + Math.floor(random() * 20)) }
    return event
  })
  return { events: [...events, ...files], deletions: [] }
}

const generators: Record<string, () => SeededEvents> = {
  [exportSeed.username]: exportUserEvents,
  ...Object.fromEntries(benchSeed.accounts.map((account) => [account.username, () => benchEvents(account)])),
}

// Generated once per process and frozen: every reset's state shares them (a state copies the list, never the events).
const cache = new Map<string, SeededEvents>()

/** The seeded events and deletions of an account, or undefined for an account without any. */
export function seededEventsOf(username: string): SeededEvents | undefined {
  const generate = generators[username]
  if (!generate) return undefined
  let found = cache.get(username)
  if (!found) {
    found = generate()
    // Kept in time order: each events.get sorts the list again, and a sorted list sorts in one pass.
    found = { ...found, events: [...found.events].sort((a, b) => a.time - b.time) }
    for (const event of found.events) Object.freeze(event)
    cache.set(username, found)
  }
  return found
}

/** The exact bytes a download of a seeded file answers: what tests compare a saved export with. */
export function seededFileBytes(username: string, fileId: string): Buffer {
  const events = seededEventsOf(username)?.events ?? []
  const file = events.flatMap((event) => event.attachments ?? []).find((candidate) => candidate.id === fileId)
  if (!file) throw new Error(`no seeded file ${fileId} on ${username}`)
  return fileBytes(file)
}
