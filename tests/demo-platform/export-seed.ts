/**
 * The accounts the data-export page is tested on, as `/_demo/reset` restores
 * them: constants only, so unit and E2E tests import these figures instead of
 * repeating them. Their events are generated the first time they are read
 * (export-seed-events.ts), always the same. Times are epoch seconds.
 */

/** Every generated time lies in the two years before this instant (2025-01-01T00:00:00Z): all in the past. */
export const seedAnchor = 1_735_689_600
export const seedSpan = 730 * 24 * 3600

export interface SeededFile {
  eventId: string
  fileId: string
  fileName: string
  type: string
  size: number
  streamId: string
}

const eventIdOf = (n: number) => `cexportattach${String(n).padStart(12, '0')}`
const fileIdOf = (n: number) => `cexportfile${String(n).padStart(14, '0')}`

function file(n: number, fileName: string, type: string, size: number, eventN = n): SeededFile {
  const streamId = type === 'image/png' ? 'diary-photos' : 'documents'
  return { eventId: eventIdOf(eventN), fileId: fileIdOf(n), fileName, type, size, streamId }
}

/** 15 files on 14 events: the 14th event carries two (the 5 MB scan and a text note). */
const exportFiles: SeededFile[] = [
  file(1, 'hello.txt', 'text/plain', 12),
  file(2, 'dot.png', 'image/png', 512),
  file(3, 'receipt.pdf', 'application/pdf', 2_048),
  file(4, 'notes.txt', 'text/plain', 10_000),
  file(5, 'walk.png', 'image/png', 48_000),
  file(6, 'prescription.pdf', 'application/pdf', 65_537),
  file(7, 'journal.txt', 'text/plain', 120_000),
  file(8, 'beach.png', 'image/png', 250_000),
  file(9, 'report.pdf', 'application/pdf', 400_000),
  file(10, 'mountain.png', 'image/png', 700_000),
  file(11, 'lab-results.pdf', 'application/pdf', 1_000_000),
  file(12, 'x-ray.png', 'image/png', 1_500_000),
  file(13, 'history.pdf', 'application/pdf', 2_200_000),
  file(14, 'full-scan.pdf', 'application/pdf', 5_000_000),
  file(15, 'scan-notes.txt', 'text/plain', 3_000, 14),
]

const bigFile = exportFiles[13] as SeededFile
const twoFileEventId = bigFile.eventId

/** Live streams and how many generated (attachment-free) events each holds. */
const exportStreams = [
  { id: 'health', name: 'Health', parentId: null, events: 0 },
  { id: 'health-weight', name: 'Weight', parentId: 'health', events: 700 },
  { id: 'health-bp', name: 'Blood pressure', parentId: 'health', events: 600 },
  { id: 'health-activity', name: 'Activity', parentId: 'health', events: 186 },
  { id: 'health-activity-runs', name: 'Runs', parentId: 'health-activity', events: 500 },
  { id: 'diary', name: 'Diary', parentId: null, events: 900 },
  { id: 'diary-photos', name: 'Photos', parentId: 'diary', events: 0 },
  { id: 'documents', name: 'Documents', parentId: null, events: 0 },
] as const

/** A stream the person trashed, with its events still in it (none of them trashed). */
const trashedStream = { id: 'old-project', name: 'Old project', parentId: null, events: 100 } as const

const generatedEvents = exportStreams.reduce((sum, stream) => sum + stream.events, 0)

/** Access ids hold no "-": the platform splits a read token at its first "-" to find the access id. */
const exportAccessIds = {
  notesApp: 'cexportaccessnotesapp0001',
  expiredApp: 'cexportaccessexpired00001',
  deletedApp: 'cexportaccessdeleted00001',
  doctorShare: 'cexportaccessdoctor000001',
} as const

export const exportSeed = {
  username: 'export-user',
  password: 'export-password-1',
  email: 'export-user@example.com',
  streams: {
    live: exportStreams.map(({ id, name, parentId }) => ({ id, name, parentId })),
    trashed: [{ id: trashedStream.id, name: trashedStream.name, parentId: trashedStream.parentId }],
    /** Generated events per stream (attachment events apart). */
    eventCounts: Object.fromEntries(
      [...exportStreams, trashedStream].map((stream) => [stream.id, stream.events]),
    ) as Record<string, number>,
  },
  events: {
    /** `state=all`, without the 4 account-field events. */
    total: generatedEvents + trashedStream.events + 14,
    /** Trashed events, all in live streams (what `state=trashed` answers). */
    trashed: 25,
    /** In the trashed stream: listed with `state=all` only. */
    inTrashedStream: trashedStream.events,
    /** `state=default`: neither trashed nor in a trashed stream. */
    default: generatedEvents + 14 - 25,
    /** Events modified after they were created (every 10th generated one). */
    modifiedLater: Math.floor((generatedEvents + trashedStream.events) / 10),
    /** The account-field events `state=all` adds for a personal token. */
    accountFields: 4,
  },
  /** Events deleted before the seed: `includeDeletions=true` with `modifiedSince` lists them. */
  deletions: 50,
  attachments: {
    files: exportFiles,
    count: exportFiles.length,
    events: 14,
    totalBytes: exportFiles.reduce((sum, entry) => sum + entry.size, 0),
    /** The ~5 MB one, on the event that carries two files. */
    big: bigFile,
    twoFileEventId,
  },
  accessIds: exportAccessIds,
  webhook: {
    id: 'cexportwebhooknotes000001',
    accessId: exportAccessIds.notesApp,
    url: 'https://hooks.example.com/notes',
  },
  auditEntries: 6,
  profile: {
    private: { nickname: 'Exporter', birthYear: 1984 },
    public: { displayName: 'Export User', bio: 'Testing data exports' },
  },
} as const

const benchFiles = (prefix: string): SeededFile[] => [
  {
    eventId: `${prefix}attach01`,
    fileId: `${prefix}file01`,
    fileName: 'a.txt',
    type: 'text/plain',
    size: 1_000,
    streamId: 'bench-a',
  },
  {
    eventId: `${prefix}attach02`,
    fileId: `${prefix}file02`,
    fileName: 'b.png',
    type: 'image/png',
    size: 20_000,
    streamId: 'bench-b',
  },
]

/** Accounts with many small events (about 300 bytes of JSON each) over three streams, for timing exports. */
export const benchSeed = {
  password: 'bench-password-1',
  streams: [
    { id: 'bench-a', name: 'Bench A', parentId: null },
    { id: 'bench-b', name: 'Bench B', parentId: null },
    { id: 'bench-c', name: 'Bench C', parentId: 'bench-a' },
  ],
  accounts: [
    { username: 'bench-10k', email: 'bench-10k@example.com', events: 10_000, files: benchFiles('cbench10k') },
    { username: 'bench-100k', email: 'bench-100k@example.com', events: 100_000, files: benchFiles('cbench100k') },
  ],
} as const
