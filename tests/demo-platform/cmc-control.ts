import { accessView, grantsOf } from './access-records.ts'
import { mintCapability } from './cmc-capability.ts'
import { eventView, storeEvent, updateContent } from './cmc-event-store.ts'
import { checkCmcEvent } from './cmc-hooks.ts'
import { cmcRecords, defaultCmcSettings, type CmcSettings, type PryvEvent } from './cmc-records.ts'
import { establishRelationship, identityOn } from './cmc-relationship.ts'
import { deliverScopeRequest } from './cmc-scope.ts'
import { cmcApps, cmcInbox, ensureAppStreamChain, isInternalStreamId } from './cmc-streams.ts'
import { ApiError, isRecord, jsonAnswer } from './http.ts'
import { parseConsentEntries } from './oauth-consent.ts'
import { asPermissions } from './oauth-grant.ts'
import type { RequestContext, Route } from './router.ts'
import { apiEndpoint, pathUser } from './sessions.ts'
import type { Platform } from './state.ts'
import { enumError, ParamsCheck, typeError } from './validation.ts'

const controlActor = 'demo-control'
const triggerTypes = [
  'consent/request-cmc',
  'consent/invalidate-link-cmc',
  'consent/accept-cmc',
  'consent/refuse-cmc',
  'consent/scope-request-cmc',
  'consent/scope-update-cmc',
]

function appScopeStream(check: ParamsCheck): string {
  const appScope = check.requiredString('appScope', { minLength: 1 })
  if (appScope !== '' && !/^[a-z0-9-]+(:[a-z0-9-]+)*$/.test(appScope))
    check.add({ code: 'PATTERN', message: 'must be lowercase letters, digits, dashes and colons', path: '#/appScope' })
  return `${cmcApps}:${appScope}`
}

/**
 * POST /_demo/cmc/offers: the requester publishes a `consent/request-cmc`
 * asking for a capability, through the plugin's own checks and minting.
 */
function publishOffer({ platform, body }: RequestContext) {
  const check = new ParamsCheck(body)
  const requester = pathUser(platform, check.requiredString('requester'))
  const streamId = appScopeStream(check)
  const mode = check.params.mode ?? 'single-use'
  if (mode !== 'single-use' && mode !== 'open-link') check.add(enumError('#/mode', ['single-use', 'open-link']))
  const expiresInSeconds = check.number('capabilityExpiresInSeconds')
  const host = check.string('capabilityHost', { minLength: 1 })
  const to = check.params.to ?? null
  if (to !== null && typeof to !== 'string') check.add(typeError('#/to', 'string or null'))
  const request = check.object('request', true)
  const requesterMeta = check.object('requesterMeta')
  check.done()
  const content: Record<string, unknown> = { to, capabilityRequested: true, capability: { mode }, request }
  if (requesterMeta) content.requesterMeta = requesterMeta
  checkCmcEvent(true, 'consent/request-cmc', content, [streamId])
  ensureAppStreamChain(requester, streamId)
  const trigger = storeEvent(
    platform.state,
    requester.username,
    { streamIds: [streamId], type: 'consent/request-cmc', content },
    controlActor,
  )
  const { capability, capabilityUrl } = mintCapability(platform, requester, trigger, { host, expiresInSeconds })
  return jsonAnswer(201, {
    capabilityUrl,
    offerEventId: capability.offerEventId,
    capabilityAccessId: capability.accessId,
  })
}

/** POST /_demo/cmc/grants: the state right after a completed accept, without the accept page. */
function seedGrant({ platform, body }: RequestContext) {
  const check = new ParamsCheck(body)
  const requester = pathUser(platform, check.requiredString('requester'))
  const recipient = pathUser(platform, check.requiredString('recipient'))
  const scopeStreamId = appScopeStream(check)
  const list = check.array('permissions', true) ?? []
  // The name an accept link gives the grant (`accessName`), else the plugin's own.
  const accessName = check.string('accessName', { minLength: 1 })
  check.done()
  let permissions
  try {
    permissions = asPermissions(parseConsentEntries(list, false))
  } catch (err) {
    throw new ApiError(400, 'invalid-parameters-format', String(err))
  }
  const requesterIdentity = identityOn(platform, requester.username)
  ensureAppStreamChain(requester, scopeStreamId)
  const { dataGrant, relationship } = establishRelationship(platform, {
    requester,
    requesterIdentity,
    recipient,
    scopeStreamId,
    permissions,
    accessName:
      accessName ?? `cmc:${scopeStreamId.slice(cmcApps.length + 1)}:${requester.username}@${requesterIdentity.host}`,
    accessType: 'shared',
    cmc: { appCode: null, offerEventId: null, acceptEventId: null, backChannelApiEndpoint: null, features: null },
    createdBy: controlActor,
  })
  return jsonAnswer(201, { dataGrantAccessId: dataGrant.id, scopeStreamId: relationship.recipientStreamId })
}

/** POST /_demo/cmc/scope-requests: the requester asks for a new scope; the plugin delivers it at once. */
function requestScopeUpdate({ platform, body }: RequestContext) {
  const check = new ParamsCheck(body)
  const requester = pathUser(platform, check.requiredString('requester'))
  const recipient = pathUser(platform, check.requiredString('recipient'))
  const newPermissions = check.array('newPermissions', true)
  const message = check.object('message')
  const expires = check.number('expires')
  check.done()
  const relationship = cmcRecords(platform.state)
    .relationships.filter((candidate) => candidate.requester === requester.username)
    .findLast((candidate) => candidate.recipient === recipient.username)
  if (!relationship)
    throw new ApiError(
      400,
      'invalid-operation',
      `No relationship between ${requester.username} and ${recipient.username}`,
    )
  const content: Record<string, unknown> = { newPermissions }
  if (message) content.message = message
  if (expires !== undefined) content.expires = expires
  const streamIds = [relationship.requesterStreamId]
  checkCmcEvent(true, 'consent/scope-request-cmc', content, streamIds)
  const trigger = storeEvent(
    platform.state,
    requester.username,
    { streamIds, type: 'consent/scope-request-cmc', content },
    controlActor,
  )
  const delivered = deliverScopeRequest(platform, requester, trigger)
  updateContent(trigger, (stamped) => {
    stamped.status = 'completed'
  })
  return jsonAnswer(201, { scopeRequestEventId: delivered.id, scopeStreamId: relationship.recipientStreamId })
}

function eventsOf(platform: Platform, keep: (event: PryvEvent) => boolean) {
  return [...cmcRecords(platform.state).events.entries()].flatMap(([username, events]) =>
    events.filter(keep).map((event) => ({ username, ...eventView(event) })),
  )
}

/** GET /_demo/cmc: what tests assert on (a test-only view: it shows endpoints and tokens' places). */
function cmcView({ platform }: RequestContext) {
  const records = cmcRecords(platform.state)
  const triggers = eventsOf(platform, (event) => triggerTypes.includes(event.type) && event.createdBy !== 'system')
  const byPlugin = (event: PryvEvent) => event.createdBy === 'system'
  return jsonAnswer(200, {
    capabilities: records.capabilities.map(({ id, requester, mode, expires, consumed, invalidated, acceptedBy }) => ({
      id,
      requester,
      mode,
      expires,
      consumed,
      invalidated,
      acceptedBy: Object.keys(acceptedBy),
    })),
    triggers: triggers.map(({ username, id, type, streamIds, content }) => ({
      username,
      id,
      type,
      streamIds,
      status: content.status,
      failure: content.failure,
      content,
    })),
    inbox: eventsOf(platform, (event) => byPlugin(event) && event.streamIds.includes(cmcInbox)),
    deliveries: eventsOf(
      platform,
      (event) => byPlugin(event) && !event.streamIds.includes(cmcInbox) && !event.streamIds.some(isInternalStreamId),
    ),
    grants: [...platform.state.users.values()].flatMap((user) =>
      grantsOf(user)
        .filter((access) => isRecord(access.clientData?.cmc) && access.clientData.cmc.role === 'counterparty')
        .map((access) => ({
          username: user.username,
          ...accessView(access),
          apiEndpoint: apiEndpoint(platform.config, user.username, access.token),
        })),
    ),
    settings: records.settings,
  })
}

function parseSettings(body: unknown, current: CmcSettings): CmcSettings {
  const check = new ParamsCheck(body)
  const triggerDelayMs = check.number('triggerDelayMs')
  if (triggerDelayMs !== undefined && triggerDelayMs < 0) check.add(typeError('#/triggerDelayMs', 'number >= 0'))
  const bug = check.params.refusalDeliveryBug
  if (bug !== undefined && typeof bug !== 'boolean') check.add(typeError('#/refusalDeliveryBug', 'boolean'))
  const fail = check.params.failNextTrigger
  if (fail !== undefined && fail !== null && !(isRecord(fail) && typeof fail.reason === 'string'))
    check.add(typeError('#/failNextTrigger', '{reason, detail?} or null'))
  check.done()
  return {
    triggerDelayMs: triggerDelayMs ?? current.triggerDelayMs,
    refusalDeliveryBug: typeof bug === 'boolean' ? bug : current.refusalDeliveryBug,
    failNextTrigger: isRecord(fail)
      ? { reason: String(fail.reason), detail: fail.detail }
      : fail === null
        ? null
        : current.failNextTrigger,
  }
}

function route(method: string, pattern: RegExp, handle: Route['handle']): Route {
  return { method, pattern, meta: 'never', handle }
}

/** The `/_demo/cmc*` control API (reset with everything else by `/_demo/reset`). */
export const cmcControlRoutes: Route[] = [
  route('GET', /^\/_demo\/cmc$/, cmcView),
  route('POST', /^\/_demo\/cmc\/offers$/, publishOffer),
  route('POST', /^\/_demo\/cmc\/grants$/, seedGrant),
  route('POST', /^\/_demo\/cmc\/scope-requests$/, requestScopeUpdate),
  route('POST', /^\/_demo\/cmc\/settings$/, ({ platform, body }) => {
    const records = cmcRecords(platform.state)
    records.settings = parseSettings(body, records.settings)
    return jsonAnswer(200, records.settings)
  }),
  route('DELETE', /^\/_demo\/cmc\/settings$/, ({ platform }) => {
    cmcRecords(platform.state).settings = defaultCmcSettings()
    return jsonAnswer(200, cmcRecords(platform.state).settings)
  }),
]
