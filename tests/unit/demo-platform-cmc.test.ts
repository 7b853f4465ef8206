// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { accountSeed } from '../demo-platform/account-seed.ts'
import { demoPlatformForTests, type Answer, type Json } from './demoPlatformClient'

const { call, control, url: platformUrl } = demoPlatformForTests()

beforeEach(async () => {
  // Triggers are answered on the next turn of the event loop; the tests wait on the status, never on a duration.
  await control('POST', '/cmc/settings', { triggerDelayMs: 0 })
})

async function signIn(username = 'demo-user', password = 'demo-password-1'): Promise<string> {
  return String((await call('POST', `/${username}/auth/login`, { username, password, appId: 'test-cmc' })).json.token)
}

const health = { streamId: 'health', level: 'read' }
const diary = { streamId: 'diary', level: 'read' }

interface Offer {
  capabilityUrl: string
  offerEventId: string
  capabilityAccessId: string
}

function publish(overrides: Json = {}, request: Json = {}): Promise<Offer> {
  return control<Offer>('POST', '/cmc/offers', {
    requester: 'demo-study',
    appScope: 'study',
    requesterMeta: { displayName: 'Demo Study', appId: 'study' },
    ...overrides,
    request: { title: { en: 'Sleep study' }, permissions: [{ ...health, defaultName: 'Health' }], ...request },
  })
}

/** The capability URL split as a browser must use it: the base without credentials, the token for the header. */
function capabilityParts(capabilityUrl: string): { base: string; token: string } {
  const url = new URL(capabilityUrl)
  const token = decodeURIComponent(url.username)
  url.username = ''
  return { base: url.href, token }
}

function readThroughCapability(capabilityUrl: string, query = 'types[]=consent/request-cmc&limit=1'): Promise<Answer> {
  const { base, token } = capabilityParts(capabilityUrl)
  return call('GET', `${new URL(base).pathname}events?${query}`, undefined, token)
}

const scope = ':_cmc:apps:study'

function writeTrigger(token: string, type: string, content: unknown, streamId = scope, username = 'demo-user') {
  return call('POST', `/${username}/events`, { streamIds: [streamId], type, content }, token)
}

async function createScopeStream(token: string, username = 'demo-user'): Promise<void> {
  await call('POST', `/${username}/streams`, { id: scope, parentId: ':_cmc:apps', name: 'Study' }, token)
}

/** Writes a trigger and answers its content once the plugin settled it. */
async function settled(token: string, type: string, content: Json, streamId = scope, username = 'demo-user') {
  const created = await writeTrigger(token, type, content, streamId, username)
  expect(created.status).toBe(201)
  const id = String((created.json.event as Json).id)
  return vi.waitFor(async () => {
    const event = (await call('GET', `/${username}/events/${id}`, undefined, token)).json.event as Json
    const eventContent = event.content as Json
    if (eventContent.status !== 'completed' && eventContent.status !== 'failed') throw new Error('not settled yet')
    return eventContent
  })
}

async function accepted(capabilityUrl: string, extra: Json = {}, username = 'demo-user', password?: string) {
  const token = await signIn(username, password)
  await createScopeStream(token, username)
  return { token, content: await settled(token, 'consent/accept-cmc', { capabilityUrl, ...extra }, scope, username) }
}

interface Records {
  capabilities: Json[]
  triggers: Json[]
  inbox: Json[]
  deliveries: Json[]
  grants: Array<Json & { permissions: Json[]; clientData: { cmc: Json } }>
}

/** What `/_demo/cmc` shows, less the grants the seeded account-area account holds from the start. */
async function records(): Promise<Records> {
  const all = await control<Records>('GET', '/cmc')
  return { ...all, grants: all.grants.filter((grant) => grant.username !== accountSeed.username) }
}

describe('offers read through their capability', () => {
  it('answer the offer copy the plugin stamped, without the requester-only fields nor hidden stream ids', async () => {
    const offer = await publish()
    const read = await readThroughCapability(offer.capabilityUrl)
    expect(read.status).toBe(200)
    const [event] = read.json.events as Json[]
    expect(event).toMatchObject({ id: offer.offerEventId, type: 'consent/request-cmc', streamIds: [] })
    expect(event?.content).toMatchObject({
      to: null,
      capability: { mode: 'single-use' },
      requesterUsername: 'demo-study',
      requesterHost: new URL(platformUrl()).host,
      originStreamId: scope,
      capabilityId: expect.any(String),
    })
    for (const field of ['capabilityUrl', 'capabilityRequested', 'capabilityAccessId', 'status'])
      expect(event?.content).not.toHaveProperty(field)
    expect(JSON.stringify(read.json)).not.toContain(':_cmc:_internal')
  })

  it('answer no event (and no error) to the fragile `streams=:_cmc:_internal:offer` filter', async () => {
    const offer = await publish()
    const read = await readThroughCapability(offer.capabilityUrl, 'streams[]=:_cmc:_internal:offer&limit=1')
    expect(read).toMatchObject({ status: 200, json: { events: [] } })
  })

  it('tell the requester and the expiry through access-info; an expired capability answers 401 on both', async () => {
    const offer = await publish()
    const { base, token } = capabilityParts(offer.capabilityUrl)
    const info = await call('GET', `${new URL(base).pathname}access-info`, undefined, token)
    expect(info.json).toMatchObject({ user: { username: 'demo-study' }, expires: expect.any(Number) })
    const expired = await publish({ capabilityExpiresInSeconds: 0 })
    expect((await readThroughCapability(expired.capabilityUrl)).status).toBe(401)
    const expiredParts = capabilityParts(expired.capabilityUrl)
    expect((await call('GET', '/demo-study/access-info', undefined, expiredParts.token)).status).toBe(401)
    const batch = [{ method: 'events.get', params: { types: ['consent/request-cmc'] } }]
    expect((await call('POST', '/demo-study/', batch, expiredParts.token)).status).toBe(401)
  })

  it('are published by the requester’s own `consent/request-cmc`, whose 201 answer carries the capability URL', async () => {
    const token = await signIn('demo-study', 'demo-study-password-1')
    await createScopeStream(token, 'demo-study')
    const request = { title: { en: 'Sleep' }, permissions: [health] }
    const created = await writeTrigger(
      token,
      'consent/request-cmc',
      { to: null, capabilityRequested: true, capability: { mode: 'open-link' }, request },
      scope,
      'demo-study',
    )
    const content = (created.json.event as Json).content as Json
    expect(content).toMatchObject({ capabilityUrl: expect.stringMatching(/^http:\/\/c[a-z0-9]+@127\.0\.0\.1:/) })
    const read = await readThroughCapability(String(content.capabilityUrl))
    expect((read.json.events as Json[])[0]?.content).toMatchObject({ request, capability: { mode: 'open-link' } })
    const badMode = await writeTrigger(
      token,
      'consent/request-cmc',
      { capabilityRequested: true, capability: { mode: 'forever' }, request },
      scope,
      'demo-study',
    )
    expect(badMode.json.error).toMatchObject({
      data: { id: 'cmc-invalid-event-content', errors: [expect.objectContaining({ field: 'capability.mode' })] },
    })
  })

  it('name another platform when asked to (the demo platform still serves it)', async () => {
    const offer = await publish({ capabilityHost: 'localhost' })
    expect(new URL(offer.capabilityUrl).hostname).toBe('localhost')
    const { content } = await accepted(offer.capabilityUrl)
    expect(content).toMatchObject({ status: 'completed', from: { username: 'demo-study' } })
  })
})

describe('the CMC streams', () => {
  it('has the plugin streams on every account and creates the caller’s only under an existing parent, once', async () => {
    const token = await signIn()
    const tree = (await call('GET', '/demo-user/streams?parentId=:_cmc:', undefined, token)).json.streams as Json[]
    expect(tree.map((stream) => stream.id)).toEqual([':_cmc:inbox', ':_cmc:apps'])
    const orphan = await call(
      'POST',
      '/demo-user/streams',
      { id: `${scope}:a`, parentId: `${scope}`, name: 'A' },
      token,
    )
    expect(orphan).toMatchObject({ status: 400, json: { error: { id: 'unknown-referenced-resource' } } })
    expect(
      (await call('POST', '/demo-user/streams', { id: scope, parentId: ':_cmc:apps', name: 'S' }, token)).status,
    ).toBe(201)
    const again = await call('POST', '/demo-user/streams', { id: scope, parentId: ':_cmc:apps', name: 'S' }, token)
    expect(again.json.error).toMatchObject({ id: 'item-already-exists' })
    const reserved = { id: `${scope}:collectors`, parentId: scope, name: 'C' }
    expect((await call('POST', '/demo-user/streams', reserved, token)).json.error).toMatchObject({
      id: 'invalid-operation',
    })
  })
})

describe('consent/accept-cmc', () => {
  it('is answered without a status, then delivered, then completed with the data grant', async () => {
    const offer = await publish()
    await control('POST', '/cmc/settings', { triggerDelayMs: 60_000 })
    const token = await signIn()
    await createScopeStream(token)
    const created = await writeTrigger(token, 'consent/accept-cmc', { capabilityUrl: offer.capabilityUrl })
    const event = created.json.event as Json
    expect(event.content).not.toHaveProperty('status')
    const read = await call('GET', `/demo-user/events/${String(event.id)}`, undefined, token)
    expect((read.json.event as Json).content).toMatchObject({ status: 'delivered' })
  })

  it('creates the data grant, the collectors streams and tells the requester in its inbox', async () => {
    const offer = await publish()
    const { content } = await accepted(offer.capabilityUrl)
    const { grants, inbox, capabilities } = await records()
    const grant = grants[0]
    expect(content).toEqual(
      expect.objectContaining({
        status: 'completed',
        acceptedBy: { apiEndpoint: grant?.apiEndpoint },
        dataGrantAccessId: grant?.id,
        offerEventId: offer.offerEventId,
        capabilityId: capabilities[0]?.id,
        from: { username: 'demo-study', host: new URL(platformUrl()).host },
      }),
    )
    const collectors = `${scope}:collectors:demo-study--127-0-0-1`
    expect(grant).toMatchObject({
      username: 'demo-user',
      type: 'shared',
      name: `cmc:study:demo-study@${new URL(platformUrl()).host}`,
      clientData: { cmc: { role: 'counterparty', offerEventId: offer.offerEventId } },
    })
    expect(grant?.permissions).toEqual(expect.arrayContaining([health, { streamId: collectors, level: 'contribute' }]))
    expect(inbox).toContainEqual(
      expect.objectContaining({
        username: 'demo-study',
        type: 'consent/accept-cmc',
        content: expect.objectContaining({ from: { username: 'demo-user', host: new URL(platformUrl()).host } }),
      }),
    )
    expect(capabilities[0]).toMatchObject({ consumed: true })
  })

  it('fails for a consumed single-use offer, which can still be read', async () => {
    const offer = await publish()
    await accepted(offer.capabilityUrl)
    expect((await readThroughCapability(offer.capabilityUrl)).status).toBe(200)
    const { content } = await accepted(offer.capabilityUrl, {}, 'other-user', 'other-password-1')
    expect(content.failure).toMatchObject({
      reason: 'cmc-handler-delivery-rejected',
      detail: { body: { error: { data: { id: 'cmc-capability-consumed' } } } },
    })
    expect((await records()).grants).toHaveLength(1)
  })

  it('lets each person accept an open link once', async () => {
    const offer = await publish({ mode: 'open-link' })
    await accepted(offer.capabilityUrl)
    const second = await accepted(offer.capabilityUrl)
    expect(second.content.failure).toMatchObject({
      reason: 'cmc-handler-delivery-rejected',
      detail: {
        body: { error: { data: { id: 'cmc-capability-already-accepted-by-you', acceptedAt: expect.any(Number) } } },
      },
    })
    const other = await accepted(offer.capabilityUrl, {}, 'other-user', 'other-password-1')
    expect(other.content.status).toBe('completed')
  })

  it('fails once the requester closed the open link, keeping the grants made before', async () => {
    const offer = await publish({ mode: 'open-link' })
    await accepted(offer.capabilityUrl)
    const capabilityId = String((await records()).capabilities[0]?.id)
    const requester = await signIn('demo-study', 'demo-study-password-1')
    const closed = await settled(requester, 'consent/invalidate-link-cmc', { capabilityId }, scope, 'demo-study')
    expect(closed.status).toBe('completed')
    const late = await accepted(offer.capabilityUrl, {}, 'other-user', 'other-password-1')
    expect(late.content.failure).toMatchObject({
      reason: 'cmc-handler-delivery-rejected',
      detail: { body: { error: { data: { id: 'cmc-capability-invalidated' } } } },
    })
    expect((await records()).grants.map((grant) => grant.username)).toEqual(['demo-user'])
  })

  it('fails an expired capability as invalid', async () => {
    const offer = await publish({ capabilityExpiresInSeconds: 0 })
    const { content } = await accepted(offer.capabilityUrl)
    expect(content.failure).toMatchObject({ reason: 'cmc-capability-invalid' })
  })

  it('applies the consent rule to grantedPermissions', async () => {
    const allOrNothing = await publish({}, { permissions: [health, diary] })
    const partial = await accepted(allOrNothing.capabilityUrl, { grantedPermissions: [health] })
    expect(partial.content.failure).toMatchObject({ reason: 'cmc-consent-user-choice-not-allowed' })

    const choice = { allowUserChoice: true, permissions: [{ ...health, mandatory: true }, diary] }
    const withoutMandatory = await accepted((await publish({}, choice)).capabilityUrl, { grantedPermissions: [diary] })
    expect(withoutMandatory.content.failure).toMatchObject({ reason: 'cmc-mandatory-permission-refused' })
    const widened = await accepted((await publish({}, choice)).capabilityUrl, {
      grantedPermissions: [{ streamId: 'health', level: 'manage' }],
    })
    expect(widened.content.failure).toMatchObject({ reason: 'cmc-granted-permissions-not-subset' })
    expect((await records()).grants).toEqual([])

    const chosen = await accepted((await publish({}, choice)).capabilityUrl, { grantedPermissions: [health] })
    expect(chosen.content.status).toBe('completed')
    const [grant] = (await records()).grants
    expect(grant?.permissions.filter((entry) => !String(entry.streamId).startsWith(':_cmc:'))).toEqual([health])
  })

  it('needs a personal token and well-formed content, in an existing stream', async () => {
    const offer = await publish()
    const personal = await signIn()
    await createScopeStream(personal)
    const app = await control<{ token: string }>('POST', '/users/demo-user/accesses', {
      name: 'some-app',
      permissions: [{ streamId: '*', level: 'manage' }],
    })
    const byApp = await writeTrigger(app.token, 'consent/accept-cmc', { capabilityUrl: offer.capabilityUrl })
    expect(byApp).toMatchObject({
      status: 400,
      json: { error: { id: 'invalid-operation', data: { id: 'cmc-accept-requires-personal-token' } } },
    })
    const empty = await writeTrigger(personal, 'consent/accept-cmc', { capabilityUrl: '' })
    expect(empty.json.error).toMatchObject({
      id: 'invalid-operation',
      data: { id: 'cmc-invalid-event-content', errors: [expect.objectContaining({ field: 'capabilityUrl' })] },
    })
    const notAnObject = await writeTrigger(personal, 'consent/accept-cmc', 'text')
    expect(notAnObject.json.error).toMatchObject({ id: 'invalid-parameters-format' })
    const missingStream = await writeTrigger(
      personal,
      'consent/accept-cmc',
      { capabilityUrl: offer.capabilityUrl },
      `${scope}:x`,
    )
    expect(missingStream.json.error).toMatchObject({ id: 'unknown-referenced-resource' })
    expect((await records()).triggers.filter((trigger) => trigger.username === 'demo-user')).toEqual([])
  })

  it('fails the next trigger as the settings say, then answers normally', async () => {
    await control('POST', '/cmc/settings', { failNextTrigger: { reason: 'cmc-capability-timeout' } })
    const forced = await accepted((await publish()).capabilityUrl)
    expect(forced.content.failure).toEqual({ reason: 'cmc-capability-timeout' })
    const next = await accepted((await publish()).capabilityUrl)
    expect(next.content.status).toBe('completed')
  })
})

describe('consent/refuse-cmc', () => {
  it('fails to reach the requester by default, as observed, and leaves the offer usable', async () => {
    const offer = await publish()
    const token = await signIn()
    await createScopeStream(token)
    const content = await settled(token, 'consent/refuse-cmc', { capabilityUrl: offer.capabilityUrl })
    expect(content.failure).toEqual({
      reason: 'cmc-handler-delivery-failed',
      detail: { reason: 'http-4xx', status: 400 },
    })
    const { capabilities, inbox } = await records()
    expect(capabilities[0]).toMatchObject({ consumed: false })
    expect(inbox).toEqual([])
  })

  it('reaches the requester and consumes a single-use offer once the bug is switched off', async () => {
    await control('POST', '/cmc/settings', { refusalDeliveryBug: false })
    const offer = await publish()
    const token = await signIn()
    await createScopeStream(token)
    const reason = { en: 'Not now' }
    const content = await settled(token, 'consent/refuse-cmc', { capabilityUrl: offer.capabilityUrl, reason })
    expect(content.status).toBe('completed')
    const { capabilities, inbox } = await records()
    expect(capabilities[0]).toMatchObject({ consumed: true })
    expect(inbox).toEqual([
      expect.objectContaining({
        username: 'demo-study',
        type: 'consent/refuse-cmc',
        content: expect.objectContaining({ reason }),
      }),
    ])
  })
})

describe('scope requests and updates', () => {
  async function grantAndRequest() {
    const grant = await control<{ dataGrantAccessId: string; scopeStreamId: string }>('POST', '/cmc/grants', {
      requester: 'demo-study',
      recipient: 'demo-user',
      appScope: 'study',
      permissions: [health],
    })
    const request = await control<{ scopeRequestEventId: string; scopeStreamId: string }>(
      'POST',
      '/cmc/scope-requests',
      { requester: 'demo-study', recipient: 'demo-user', newPermissions: [health, diary], message: { en: 'Also?' } },
    )
    const token = await signIn()
    /** The person's answer to the request, written in the grant's collectors stream unless told otherwise. */
    const answer = (content: Json, streamId = grant.scopeStreamId) =>
      settled(
        token,
        'consent/scope-update-cmc',
        { scopeRequestEventId: request.scopeRequestEventId, ...content },
        streamId,
      )
    const permissions = async (): Promise<Json[]> => {
      const { accesses } = (await call('GET', '/demo-user/accesses', undefined, token)).json as { accesses: Json[] }
      return accesses.find((access) => access.id === grant.dataGrantAccessId)?.permissions as Json[]
    }
    return { grant, request, token, answer, permissions }
  }

  it('delivers the request to the recipient’s collectors stream with only what the server copies', async () => {
    const { grant, request, token } = await grantAndRequest()
    expect(request.scopeStreamId).toBe(grant.scopeStreamId)
    expect(grant.scopeStreamId).toBe(`${scope}:collectors:demo-study--127-0-0-1`)
    const read = await call('GET', `/demo-user/events/${request.scopeRequestEventId}`, undefined, token)
    const event = read.json.event as Json
    expect(event).toMatchObject({ type: 'consent/scope-request-cmc', streamIds: [grant.scopeStreamId] })
    expect(Object.keys(event.content as Json).sort()).toEqual(['from', 'message', 'newPermissions'])
  })

  it('delivers a request the requester writes itself, once its trigger completes', async () => {
    const { grant } = await grantAndRequest()
    const requester = await signIn('demo-study', 'demo-study-password-1')
    const collectors = `${scope}:collectors:demo-user--127-0-0-1`
    const expires = Math.floor(Date.now() / 1000) + 3600
    const content = { newPermissions: [diary], expires }
    const trigger = await settled(requester, 'consent/scope-request-cmc', content, collectors, 'demo-study')
    expect(trigger.status).toBe('completed')
    const delivered = (await records()).deliveries.filter((event) => event.type === 'consent/scope-request-cmc')
    expect(delivered.at(-1)).toMatchObject({
      username: 'demo-user',
      streamIds: [grant.scopeStreamId],
      content: { newPermissions: [diary], expires, from: { username: 'demo-study' } },
    })
    const badExpiry = await writeTrigger(
      requester,
      'consent/scope-request-cmc',
      { newPermissions: [diary], expires: 'soon' },
      collectors,
      'demo-study',
    )
    expect(badExpiry.json.error).toMatchObject({ data: { id: 'cmc-invalid-event-content' } })
  })

  it('changes nothing without accessId, and applies the new set, keeping the plumbing, with both', async () => {
    const { grant, request, answer, permissions } = await grantAndRequest()
    const before = await permissions()
    expect((await answer({ accept: true })).status).toBe('completed')
    expect(await permissions()).toEqual(before)

    const full = await answer({ accept: true, accessId: grant.dataGrantAccessId, newPermissions: [health, diary] })
    expect(full.status).toBe('completed')
    const plumbing = before.filter((entry) => String(entry.streamId).startsWith(':_cmc:'))
    expect(await permissions()).toEqual([...plumbing, health, diary])
    expect((await records()).deliveries).toContainEqual(
      expect.objectContaining({
        username: 'demo-study',
        type: 'consent/scope-update-cmc',
        content: expect.objectContaining({ accept: true, scopeRequestEventId: request.scopeRequestEventId }),
      }),
    )
  })

  it('leaves the grant unchanged on refusal, and needs a personal token', async () => {
    const { grant, request, answer, permissions } = await grantAndRequest()
    const before = await permissions()
    expect((await answer({ accept: false, reason: { en: 'No' } })).status).toBe('completed')
    expect(await permissions()).toEqual(before)
    const app = await control<{ token: string }>('POST', '/users/demo-user/accesses', {
      name: 'some-app',
      permissions: [{ streamId: '*', level: 'manage' }],
    })
    const byApp = await writeTrigger(
      app.token,
      'consent/scope-update-cmc',
      { scopeRequestEventId: request.scopeRequestEventId, accept: true },
      grant.scopeStreamId,
    )
    expect(byApp.json.error).toMatchObject({ data: { id: 'cmc-accept-requires-personal-token' } })
  })

  it('fails outside a collectors stream', async () => {
    const { token, answer } = await grantAndRequest()
    await createScopeStream(token)
    const content = await answer({ accept: false }, scope)
    expect(content.failure).toMatchObject({ reason: 'cmc-system-stream-not-collector' })
  })
})

describe('batch calls', () => {
  it('reach the same events methods', async () => {
    const token = await signIn()
    await createScopeStream(token)
    const batch = await call(
      'POST',
      '/demo-user/',
      [
        { method: 'events.create', params: { streamIds: [scope], type: 'note/txt', content: 'hello' } },
        { method: 'events.get', params: { types: ['note/txt'] } },
      ],
      token,
    )
    const [created, listed] = batch.json.results as Json[]
    expect((listed?.events as Json[]).map((event) => event.id)).toEqual([(created?.event as Json).id])
  })
})
