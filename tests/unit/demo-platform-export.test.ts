// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { exportSeed, benchSeed } from '../demo-platform/export-seed.ts'
import { seededFileBytes } from '../demo-platform/export-seed-events.ts'
import { readTokenOf } from '../demo-platform/attachments.ts'
import { demoPlatformForTests, type Json } from './demoPlatformClient'

// What a browser export reads from the platform (contract §7), as open-pryv.io 2.0 answers it.

const { call, control, url: platformUrl } = demoPlatformForTests()

interface Attachment extends Json {
  id: string
  fileName: string
  type: string
  size: number
  readToken: string
}
interface Event extends Json {
  id: string
  streamIds: string[]
  time: number
  modified: number
  trashed?: boolean
  attachments?: Attachment[]
}
interface Stream extends Json {
  id: string
  trashed?: boolean
  children: Stream[]
}

const user = exportSeed.username
const origin = 'http://127.0.0.1:4573'

async function login(username: string = user, password: string = exportSeed.password): Promise<string> {
  const answer = await call('POST', `/${username}/auth/login`, { username, password, appId: 'pryv-app-web-auth-3' })
  expect(answer.status).toBe(200)
  return String(answer.json.token)
}

async function events(token: string, query: string, username: string = user) {
  const answer = await call('GET', `/${username}/events?${query}`, undefined, token)
  return { status: answer.status, json: answer.json, events: (answer.json.events ?? []) as Event[] }
}

async function appToken(accessId: string): Promise<string> {
  const state = await control<{ users: Array<{ username: string; accesses: Array<{ id: string; token: string }> }> }>(
    'GET',
    '/state',
  )
  const access = state.users.find((candidate) => candidate.username === user)?.accesses.find((a) => a.id === accessId)
  if (!access) throw new Error(`no access ${accessId}`)
  return access.token
}

function flatten(streams: Stream[]): Stream[] {
  return streams.flatMap((stream) => [stream, ...flatten(stream.children)])
}

const all = 'state=all&limit=5000'
const big = exportSeed.attachments.big

async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${platformUrl()}/${user}/events/${path}`, { headers: { Origin: origin, ...headers } })
  return response
}

describe('demo platform: the export account', () => {
  it('answers each trash state with its seeded count, the account fields only to state=all', async () => {
    const token = await login()
    const byDefault = await events(token, 'limit=5000')
    const trashed = await events(token, 'state=trashed&limit=5000')
    const everything = await events(token, all)
    expect(byDefault.events).toHaveLength(exportSeed.events.default)
    expect(trashed.events).toHaveLength(exportSeed.events.trashed)
    expect(trashed.events.every((event) => event.trashed === true)).toBe(true)
    expect(byDefault.events.some((event) => event.trashed !== undefined)).toBe(false)
    expect(everything.events).toHaveLength(exportSeed.events.total + exportSeed.events.accountFields)
    const fieldStreams = everything.events.flatMap((event) => event.streamIds).filter((id) => /^:_?system:/.test(id))
    expect(fieldStreams.sort()).toEqual([
      ':_system:attachedFiles',
      ':_system:dbDocuments',
      ':_system:language',
      ':system:email',
    ])
    const inTrashedStream = everything.events.filter((event) => event.streamIds.includes('old-project'))
    expect(inTrashedStream).toHaveLength(exportSeed.events.inTrashedStream)
    expect(byDefault.events.some((event) => event.streamIds.includes('old-project'))).toBe(false)
  })

  it('gives the account fields to a personal token only, and refuses an unknown state', async () => {
    const app = await events(await appToken(exportSeed.accessIds.notesApp), all)
    expect(app.events.length).toBeGreaterThan(0)
    expect(app.events.some((event) => event.streamIds.some((id) => id.includes('system')))).toBe(false)
    const refused = await events(await login(), 'state=deleted')
    expect(refused.status).toBe(400)
    expect((refused.json.error as Json).id).toBe('invalid-parameters-format')
  })

  it('keeps what changed strictly after modifiedSince', async () => {
    const token = await login()
    const everything = (await events(token, all)).events
    const latest = Math.max(...everything.map((event) => event.modified))
    const changed = everything.filter((event) => event.modified > event.time + 4 * 24 * 3600)
    expect(changed.length).toBeGreaterThanOrEqual(exportSeed.events.modifiedLater)
    expect((await events(token, `${all}&modifiedSince=${latest}`)).events).toEqual([])
    const last = (await events(token, `${all}&modifiedSince=${latest - 0.5}`)).events
    expect(last.map((event) => event.modified)).toEqual(last.map(() => latest))
  })

  it('lists deletions only with includeDeletions and modifiedSince, paged like the events', async () => {
    const token = await login()
    const withDeletions = await events(token, 'includeDeletions=true&modifiedSince=0&limit=1000')
    const deletions = withDeletions.json.eventDeletions as Array<{ id: string; deleted: number; integrity: string }>
    expect(deletions).toHaveLength(exportSeed.deletions)
    expect(Object.keys(deletions[0] ?? {}).sort()).toEqual(['deleted', 'id', 'integrity'])
    expect((await events(token, 'includeDeletions=true&limit=1000')).json).not.toHaveProperty('eventDeletions')
    const paged = await events(token, 'includeDeletions=true&modifiedSince=0&limit=10&skip=45')
    expect(paged.json.eventDeletions).toHaveLength(5)
    const newest = Math.max(...deletions.map((deletion) => deletion.deleted))
    expect((await events(token, `includeDeletions=true&modifiedSince=${newest}&limit=10`)).json.eventDeletions).toEqual(
      [],
    )
  })

  it('seeds the attachments, two on one event, each with the reader read token', async () => {
    const token = await login()
    const withFiles = (await events(token, all)).events.filter((event) => event.attachments)
    const files = withFiles.flatMap((event) => event.attachments ?? [])
    expect(withFiles).toHaveLength(exportSeed.attachments.events)
    expect(files.map((file) => file.size).sort((a, b) => a - b)).toEqual(
      exportSeed.attachments.files.map((file) => file.size).sort((a, b) => a - b),
    )
    const pair = withFiles.find((event) => event.id === exportSeed.attachments.twoFileEventId)
    expect(pair?.attachments?.map((file) => file.id)).toEqual([big.fileId, exportSeed.attachments.files[14]?.fileId])
    const personalId = String((await call('GET', `/${user}/access-info`, undefined, token)).json.id)
    expect(files.every((file) => file.readToken.startsWith(`${personalId}-`))).toBe(true)
    expect(files.some((file) => 'seed' in file)).toBe(false)
  })
})

describe('demo platform: attachment downloads', () => {
  async function bigFile(token: string): Promise<Attachment> {
    const answer = await call('GET', `/${user}/events/${big.eventId}`, undefined, token)
    const file = (answer.json.event as Event).attachments?.find((candidate) => candidate.id === big.fileId)
    if (!file) throw new Error('no big file')
    return file
  }

  it('answers the bytes by read token, without a header, with the stored type and size', async () => {
    const file = await bigFile(await login())
    const response = await download(`${big.eventId}/${big.fileId}?readToken=${encodeURIComponent(file.readToken)}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(big.type)
    expect(response.headers.get('content-length')).toBe(String(big.size))
    expect(response.headers.get('access-control-allow-origin')).toBe(origin)
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(bytes.equals(seededFileBytes(user, big.fileId))).toBe(true)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })

  it('answers the bytes by Authorization header under any file name', async () => {
    const token = await login()
    const text = exportSeed.attachments.files[0]
    if (!text) throw new Error('no text file')
    const response = await download(`${text.eventId}/${text.fileId}/${text.fileName}`, { Authorization: token })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(seededFileBytes(user, text.fileId).toString('latin1'))
  })

  it('refuses what the server refuses, with its error ids and messages', async () => {
    const token = await login()
    const file = await bigFile(token)
    const otherFile = exportSeed.attachments.files[14]?.fileId ?? ''
    const expiredId = exportSeed.accessIds.expiredApp
    const expired = readTokenOf(expiredId, await appToken(expiredId), big.fileId)
    const cases: Array<[string, Record<string, string>, number, string, string]> = [
      [`${big.eventId}/${big.fileId}`, {}, 401, 'invalid-access-token', 'The access token is missing'],
      [`${big.eventId}/${big.fileId}?readToken=nodash`, {}, 401, 'invalid-access-token', 'Invalid read token.'],
      [
        `${big.eventId}/${big.fileId}?readToken=${file.readToken}x`,
        {},
        401,
        'invalid-access-token',
        'Invalid read token.',
      ],
      [
        `${big.eventId}/${otherFile}?readToken=${file.readToken}`,
        {},
        401,
        'invalid-access-token',
        'Invalid read token.',
      ],
      [
        `${big.eventId}/${big.fileId}?readToken=cunknown-x`,
        {},
        500,
        'unexpected-error',
        'Cannot find access from token.',
      ],
      [`${big.eventId}/${big.fileId}?readToken=${expired}`, {}, 500, 'unexpected-error', 'Access has expired.'],
      [
        `${big.eventId}/${big.fileId}?auth=${token}`,
        {},
        401,
        'invalid-access-token',
        'Query parameter "auth" is forbidden',
      ],
      [
        `${big.eventId}/cunknownfile`,
        { Authorization: token },
        404,
        'unknown-resource',
        'Unknown attachment "cunknownfile"',
      ],
      [
        `cunknownevent/${big.fileId}`,
        { Authorization: token },
        404,
        'unknown-resource',
        'Unknown event "cunknownevent"',
      ],
    ]
    for (const [path, headers, status, id, message] of cases) {
      const response = await download(path, headers)
      const error = ((await response.json()) as { error: { id: string; message: string } }).error
      expect([path, response.status, error.id, error.message.startsWith(message)]).toEqual([path, status, id, true])
    }
  })

  it('refuses a token without read access on the event stream, and a read token after logout', async () => {
    const notes = await appToken(exportSeed.accessIds.notesApp)
    const forbidden = await download(`${big.eventId}/${big.fileId}`, { Authorization: notes })
    expect(forbidden.status).toBe(403)
    const token = await login()
    const file = await bigFile(token)
    await call('POST', `/${user}/auth/logout`, {}, token)
    const ended = await download(`${big.eventId}/${big.fileId}?readToken=${encodeURIComponent(file.readToken)}`)
    expect(ended.status).toBe(403)
  })
})

describe('demo platform: the rest of an export', () => {
  const systemRoots = [':_audit:', ':_emails:', ':_system:account']

  it('lists trashed streams and the system roots with state=all only', async () => {
    const token = await login()
    const byDefault = flatten((await call('GET', `/${user}/streams`, undefined, token)).json.streams as Stream[])
    const everything = flatten(
      (await call('GET', `/${user}/streams?state=all`, undefined, token)).json.streams as Stream[],
    )
    expect(byDefault.map((stream) => stream.id)).not.toContain('old-project')
    expect(everything.find((stream) => stream.id === 'old-project')?.trashed).toBe(true)
    for (const root of systemRoots) expect(everything.map((stream) => stream.id)).toContain(root)
    expect(byDefault.some((stream) => systemRoots.includes(stream.id))).toBe(false)
    const notes = await appToken(exportSeed.accessIds.notesApp)
    const app = flatten((await call('GET', `/${user}/streams?state=all`, undefined, notes)).json.streams as Stream[])
    expect(app.some((stream) => systemRoots.includes(stream.id))).toBe(false)
    expect(app.map((stream) => stream.id)).toContain('diary')
  })

  it('answers both profiles to a personal token only', async () => {
    const token = await login()
    expect((await call('GET', `/${user}/profile/private`, undefined, token)).json.profile).toEqual(
      exportSeed.profile.private,
    )
    expect((await call('GET', `/${user}/profile/public`, undefined, token)).json.profile).toEqual(
      exportSeed.profile.public,
    )
    const notes = await appToken(exportSeed.accessIds.notesApp)
    expect((await call('GET', `/${user}/profile/public`, undefined, notes)).status).toBe(403)
  })

  it('lists the accesses (expired and deleted too), the webhook, the account and the audit entries', async () => {
    const token = await login()
    const accesses = (
      await call('GET', `/${user}/accesses?includeExpired=true&includeDeletions=true`, undefined, token)
    ).json
    const ids = (accesses.accesses as Json[]).map((access) => access.id)
    expect(ids).toEqual(expect.arrayContaining([exportSeed.accessIds.notesApp, exportSeed.accessIds.expiredApp]))
    expect((accesses.accessDeletions as Json[]).map((access) => access.id)).toEqual([exportSeed.accessIds.deletedApp])
    const webhooks = (await call('GET', `/${user}/webhooks`, undefined, token)).json.webhooks as Json[]
    expect(webhooks.map((webhook) => webhook.id)).toEqual([exportSeed.webhook.id])
    expect(((await call('GET', `/${user}/account`, undefined, token)).json.account as Json).email).toBe(
      exportSeed.email,
    )
    const audit = await events(token, `streams=${encodeURIComponent(JSON.stringify([':_audit:']))}&limit=100`)
    expect(audit.status).toBe(200)
    expect(audit.events.filter((entry) => String(entry.id).startsWith('cexportaudit'))).toHaveLength(
      exportSeed.auditEntries,
    )
  })
})

describe('demo platform: bench accounts', () => {
  it('holds 10,000 and 100,000 events, two of them with a file', async () => {
    for (const account of benchSeed.accounts) {
      const token = await login(account.username, benchSeed.password)
      const last = await events(token, `limit=10&skip=${account.events - 1}`, account.username)
      expect(last.events).toHaveLength(1)
      expect((await events(token, `limit=10&skip=${account.events}`, account.username)).events).toEqual([])
      const page = await events(token, 'limit=1000', account.username)
      const size = JSON.stringify(page.events).length / page.events.length
      expect(size).toBeGreaterThan(250)
      expect(size).toBeLessThan(400)
    }
    const token = await login('bench-10k', benchSeed.password)
    const withFiles = (await events(token, 'limit=10000', 'bench-10k')).events.filter((event) => event.attachments)
    expect(withFiles).toHaveLength(2)
  }, 30_000)
})

describe('demo platform: faults matching the query string', () => {
  it('fails one page of a paged read, once, and refuses a bad query pattern', async () => {
    await control('POST', '/faults', {
      rules: [{ method: 'GET', path: `^/${user}/events$`, query: '(^|&)skip=2000(&|$)', status: 500 }],
    })
    const token = await login()
    expect((await events(token, 'limit=1000&skip=1000')).status).toBe(200)
    expect((await events(token, 'limit=1000&skip=20000')).status).toBe(200)
    const failed = await events(token, 'limit=1000&skip=2000')
    expect([failed.status, (failed.json.error as Json).id]).toEqual([500, 'unexpected-error'])
    expect((await events(token, 'limit=1000&skip=2000')).status).toBe(200)
    const refused = await call('POST', '/_demo/faults', { rules: [{ path: '^/', query: '(' }] })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toContain('#/rules/0/query')
  })
})
