import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  findDataGrant,
  findScopeAnswer,
  loadScopeCase,
  readScopeRequest,
  scopeAnswerContent,
} from '@/services/cmc/cmcScopeRequest'
import { fakeApiSession, type ApiCall } from '../fakeApi'
import { appErrorOf } from '../jsonFetch'

const collectors = ':_cmc:apps:study:collectors:demo-study--host'
const health = { streamId: 'health', level: 'read' }
const requestEvent = {
  id: 'request-1',
  type: 'consent/scope-request-cmc',
  streamIds: [collectors],
  content: {
    newPermissions: [health, 'not an entry'],
    message: { en: 'Also steps?', '': 'dropped' },
    expires: 1_900_000_000,
    from: { username: 'demo-study', host: 'pryv.example' },
    status: 'completed',
  },
}
const grantAccess = {
  id: 'grant-1',
  clientData: { cmc: { role: 'counterparty' } },
  permissions: [{ streamId: collectors, level: 'contribute' }, health],
}

/** Answers each method with its entry; records the calls. */
function platformAnswering(answers: Record<string, unknown>) {
  return fakeApiSession((call: ApiCall) => answers[call.method] ?? { error: { id: 'unknown-resource' } })
}

afterEach(() => vi.unstubAllGlobals())

describe('readScopeRequest', () => {
  it('reads the request event: the proposed entries, message, expiry and who asks (from), ignoring its copied status', async () => {
    const { session, calls } = platformAnswering({ 'events.getOne': { event: requestEvent } })
    expect(await readScopeRequest(session.connection, 'request-1')).toEqual({
      id: 'request-1',
      streamId: collectors,
      newPermissions: [health],
      message: { en: 'Also steps?' },
      expires: 1_900_000_000,
      requester: 'demo-study',
      requesterAccount: 'demo-study@pryv.example',
    })
    expect(calls).toEqual([{ method: 'events.getOne', params: { id: 'request-1' } }])
  })

  it('names the app from the stream path when `from` is missing', async () => {
    const event = { ...requestEvent, content: { newPermissions: [health] } }
    const { session } = platformAnswering({ 'events.getOne': { event } })
    expect(await readScopeRequest(session.connection, 'request-1')).toMatchObject({ requester: 'study' })
  })

  it('names the requester by username alone without a host, and by the whole stream outside the apps tree', async () => {
    const noHost = { ...requestEvent, content: { ...requestEvent.content, from: { username: 'demo-study' } } }
    const first = platformAnswering({ 'events.getOne': { event: noHost } })
    expect(await readScopeRequest(first.session.connection, 'request-1')).toMatchObject({ requester: 'demo-study' })
    for (const stream of ['diary', 'x:_cmc:apps:study']) {
      const event = {
        ...requestEvent,
        streamIds: [stream],
        content: { newPermissions: 'health', expires: '1900000000' },
      }
      const { session } = platformAnswering({ 'events.getOne': { event } })
      expect(await readScopeRequest(session.connection, 'request-1')).toEqual({
        id: 'request-1',
        streamId: stream,
        newPermissions: [],
        message: undefined,
        expires: undefined,
        requester: stream,
      })
    }
  })

  it('is null without an event or its content, and refuses a request event in no stream', async () => {
    for (const answer of [{}, { event: { ...requestEvent, content: 'text' } }]) {
      const { session } = platformAnswering({ 'events.getOne': answer })
      expect(await readScopeRequest(session.connection, 'request-1')).toBeNull()
    }
    for (const streamIds of [undefined, []]) {
      const { session } = platformAnswering({ 'events.getOne': { event: { ...requestEvent, streamIds } } })
      expect((await appErrorOf(readScopeRequest(session.connection, 'request-1'))).code).toBe('unexpected-answer')
    }
  })

  it('is null for another kind of event, and an unknown id is explained', async () => {
    const other = platformAnswering({ 'events.getOne': { event: { ...requestEvent, type: 'note/txt' } } })
    expect(await readScopeRequest(other.session.connection, 'request-1')).toBeNull()
    const missing = platformAnswering({})
    expect((await appErrorOf(readScopeRequest(missing.session.connection, 'x'))).code).toBe(
      'cmc-scope-request-not-found',
    )
  })
})

describe('findDataGrant', () => {
  it("picks the counterparty access holding a permission on the request's collectors stream", async () => {
    const accesses = [
      { id: 'personal', type: 'personal', permissions: [{ streamId: '*', level: 'manage' }] },
      { id: 'other-grant', clientData: { cmc: { role: 'counterparty' } }, permissions: [health] },
      grantAccess,
    ]
    const { session, calls } = platformAnswering({ 'accesses.get': { accesses } })
    expect(await findDataGrant(session.connection, collectors)).toEqual({
      id: 'grant-1',
      permissions: grantAccess.permissions,
    })
    expect(calls).toEqual([{ method: 'accesses.get', params: {} }])
  })

  it('reads the display name the grant was given under, never the name the platform made', async () => {
    const named = (name: string) => ({
      ...grantAccess,
      name,
      clientData: { cmc: { role: 'counterparty', acceptEventId: 'accept-event-12345678' } },
    })
    const cases: Array<[string, string | undefined]> = [
      ['Sleep Lab', 'Sleep Lab'],
      ['Sleep Lab (12345678)', 'Sleep Lab'],
      ['cmc:study:demo-study@pryv.example', undefined],
    ]
    for (const [name, requesterName] of cases) {
      const { session } = platformAnswering({ 'accesses.get': { accesses: [named(name)] } })
      expect((await findDataGrant(session.connection, collectors)).requesterName).toBe(requesterName)
    }
  })

  it('explains a grant that no longer exists, is not a counterparty one, or has no id', async () => {
    const requesterSide = { ...grantAccess, clientData: { cmc: { role: 'requester' } } }
    for (const accesses of [[], [requesterSide], [{ ...grantAccess, id: undefined }]]) {
      const { session } = platformAnswering({ 'accesses.get': { accesses } })
      expect((await appErrorOf(findDataGrant(session.connection, collectors))).code).toBe('cmc-grant-not-found')
    }
  })
})

describe('findScopeAnswer', () => {
  it('finds an earlier answer to this request among the scope-update events of the streams', async () => {
    const events = [
      { id: 'answer-other', content: { scopeRequestEventId: 'request-0' } },
      { id: 'answer-1', content: { scopeRequestEventId: 'request-1', accept: false } },
    ]
    const { session, calls } = platformAnswering({ 'events.get': { events } })
    expect(await findScopeAnswer(session.connection, [collectors, collectors], 'request-1')).toBe('answer-1')
    expect(calls).toEqual([
      { method: 'events.get', params: { streams: [collectors], types: ['consent/scope-update-cmc'], limit: 1000 } },
    ])
    expect(await findScopeAnswer(session.connection, [collectors], 'request-2')).toBeNull()
  })

  it('passes over events without content', async () => {
    const events = [{ id: 'note' }, { id: 'answer-1', content: { scopeRequestEventId: 'request-1' } }]
    const { session } = platformAnswering({ 'events.get': { events } })
    expect(await findScopeAnswer(session.connection, [collectors], 'request-1')).toBe('answer-1')
  })
})

describe('loadScopeCase', () => {
  it("reads the request, its grant and any earlier answer; the answer goes to the link's stream when given", async () => {
    const { session } = platformAnswering({
      'events.getOne': { event: requestEvent },
      'accesses.get': { accesses: [grantAccess] },
      'events.get': { events: [] },
    })
    const loaded = await loadScopeCase(session.connection, 'request-1', undefined)
    expect(loaded).toMatchObject({ grant: { id: 'grant-1' }, answerStreamId: collectors, answerId: null })
    expect(await loadScopeCase(session.connection, 'request-1', `${collectors}:x`)).toMatchObject({
      answerStreamId: `${collectors}:x`,
    })
  })

  it("names the requester by the grant's display name, its account staying the detail", async () => {
    const { session } = platformAnswering({
      'events.getOne': { event: requestEvent },
      'accesses.get': { accesses: [{ ...grantAccess, name: 'Sleep Lab' }] },
      'events.get': { events: [] },
    })
    const loaded = await loadScopeCase(session.connection, 'request-1', undefined)
    expect(loaded?.request).toMatchObject({ requester: 'Sleep Lab', requesterAccount: 'demo-study@pryv.example' })
    const unnamed = platformAnswering({
      'events.getOne': { event: requestEvent },
      'accesses.get': { accesses: [grantAccess] },
      'events.get': { events: [] },
    })
    expect((await loadScopeCase(unnamed.session.connection, 'request-1', undefined))?.request.requester).toBe(
      'demo-study',
    )
  })

  it("looks for an earlier answer in the link's stream and the request's", async () => {
    const { session, calls } = platformAnswering({
      'events.getOne': { event: requestEvent },
      'accesses.get': { accesses: [grantAccess] },
      'events.get': { events: [] },
    })
    await loadScopeCase(session.connection, 'request-1', `${collectors}:x`)
    expect(calls.find((call) => call.method === 'events.get')?.params.streams).toEqual([`${collectors}:x`, collectors])
  })

  it('is null, reading nothing more, when the id names another kind of event', async () => {
    const { session, calls } = platformAnswering({ 'events.getOne': { event: { ...requestEvent, type: 'note/txt' } } })
    expect(await loadScopeCase(session.connection, 'request-1', undefined)).toBeNull()
    expect(calls.map((call) => call.method)).toEqual(['events.getOne'])
  })
})

describe('scopeAnswerContent', () => {
  const scopeCase = {
    request: { id: 'request-1', streamId: collectors, newPermissions: [health], requester: 'study' },
    grant: { id: 'grant-1', permissions: [] },
    answerStreamId: collectors,
    answerId: null,
  }

  it('carries accessId and newPermissions with an accept, so the platform at hand applies it', () => {
    expect(scopeAnswerContent(scopeCase, { accept: true })).toEqual({
      scopeRequestEventId: 'request-1',
      accept: true,
      accessId: 'grant-1',
      newPermissions: [health],
    })
  })

  it('carries only the optional reason with a refusal', () => {
    expect(scopeAnswerContent(scopeCase, { accept: false })).toEqual({
      scopeRequestEventId: 'request-1',
      accept: false,
    })
    expect(scopeAnswerContent(scopeCase, { accept: false, reason: { en: 'No' } })).toMatchObject({
      reason: { en: 'No' },
    })
  })
})
