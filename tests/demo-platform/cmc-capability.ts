import { grantsOf, insertAccess, isLive } from './access-records.ts'
import { storeEvent } from './cmc-event-store.ts'
import { cmcRecords, type Capability, type CapabilityMode, type PryvEvent } from './cmc-records.ts'
import { addInternalStream } from './cmc-streams.ts'
import { TriggerFailed } from './cmc-triggers.ts'
import { ApiError, isRecord } from './http.ts'
import { newId, nowSeconds } from './ids.ts'
import type { Access, User } from './model.ts'
import { authenticate, type Caller } from './sessions.ts'
import type { Platform } from './state.ts'

/** The server's default capability lifetime: 7 days. */
export const defaultCapabilityLifetime = 7 * 24 * 3600

/** What a publication may choose beside the event content (the control API's test knobs). */
export interface CapabilityOptions {
  /** The host name the capability URL carries; another name stands for another platform. */
  host?: string
  /** Overrides the content's lifetime without its bounds (0 mints an already expired capability). */
  expiresInSeconds?: number
}

/** Fields of the requester's trigger that never reach the offer copy. */
const triggerOnlyFields = [
  'capabilityRequested',
  'capabilityUrl',
  'capabilityExpiresAt',
  'capabilityAccessId',
  'status',
]

function modeOf(content: Record<string, unknown>): CapabilityMode {
  const capability = isRecord(content.capability) ? content.capability : {}
  return capability.mode === 'open-link' ? 'open-link' : 'single-use'
}

function lifetimeOf(content: Record<string, unknown>, options: CapabilityOptions): number {
  if (options.expiresInSeconds !== undefined) return options.expiresInSeconds
  const capability = isRecord(content.capability) ? content.capability : {}
  return typeof capability.expiresInSeconds === 'number' ? capability.expiresInSeconds : defaultCapabilityLifetime
}

function capabilityUrl(platform: Platform, requester: string, token: string, host: string): string {
  const url = new URL(`${platform.config.origin}/${requester}/`)
  url.hostname = host
  url.username = token
  return url.href
}

/**
 * What the plugin does with a `consent/request-cmc` asking for a capability:
 * a copy of the offer in a hidden stream, an access reading only that copy,
 * and the capability URL stamped on the requester's event.
 */
export function mintCapability(
  platform: Platform,
  requester: User,
  trigger: PryvEvent,
  options: CapabilityOptions = {},
): { capability: Capability; capabilityUrl: string; access: Access } {
  const capabilityId = newId()
  const host = options.host ?? new URL(platform.config.origin).hostname
  const offerStreamId = addInternalStream(requester, `offer:${capabilityId}`)
  const responsesStreamId = addInternalStream(requester, `responses:${capabilityId}`)
  const mode = modeOf(trigger.content)
  const access = insertAccess(
    requester,
    {
      name: `__cmc-cap-${capabilityId.slice(0, 8)}`,
      type: 'shared',
      permissions: [
        { streamId: offerStreamId, level: 'read' },
        { streamId: responsesStreamId, level: 'create-only' },
      ],
      expireAfter: Math.max(0, lifetimeOf(trigger.content, options)),
      clientData: {
        cmc: {
          kind: 'capability',
          capabilityId,
          requestEventId: trigger.id,
          capability: { mode, state: 'open', stateChangedAt: nowSeconds() },
          singleUse: mode === 'single-use',
        },
      },
    },
    trigger.createdBy,
  )
  const offerContent: Record<string, unknown> = structuredClone(trigger.content)
  for (const field of triggerOnlyFields) delete offerContent[field]
  const port = new URL(platform.config.origin).port
  Object.assign(offerContent, {
    capabilityId,
    originStreamId: trigger.streamIds[0],
    requesterUsername: requester.username,
    requesterHost: port ? `${host}:${port}` : host,
  })
  const copy = storeEvent(
    platform.state,
    requester.username,
    { streamIds: [offerStreamId], type: 'consent/request-cmc', content: offerContent },
    'system',
  )
  const capability: Capability = {
    id: capabilityId,
    accessId: access.id,
    requester: requester.username,
    mode,
    expires: access.expires ?? nowSeconds(),
    consumed: false,
    invalidated: false,
    acceptedBy: {},
    offerEventId: copy.id,
    requestEventId: trigger.id,
  }
  cmcRecords(platform.state).capabilities.push(capability)
  const url = capabilityUrl(platform, requester.username, access.token, host)
  Object.assign(trigger.content, {
    capabilityUrl: url,
    capabilityExpiresAt: capability.expires,
    capabilityAccessId: access.id,
    status: 'completed',
  })
  return { capability, capabilityUrl: url, access }
}

function capabilityAccess(user: User, capability: Capability): Access | undefined {
  return grantsOf(user).find((access) => access.id === capability.accessId)
}

function isUsable(access: Access): boolean {
  return isLive(access) && (access.expires === undefined || access.expires > nowSeconds())
}

export interface ResolvedCapability {
  capability: Capability
  requester: User
}

/** The live capability a URL names on this platform (whatever host name it uses), or null. */
export function resolveCapability(platform: Platform, url: string): ResolvedCapability | null {
  let parsed: URL
  let token: string
  try {
    parsed = new URL(url)
    token = decodeURIComponent(parsed.username)
  } catch {
    return null
  }
  const requester = platform.state.users.get(parsed.pathname.split('/')[1] ?? '')
  if (!requester || !token) return null
  const capability = cmcRecords(platform.state).capabilities.find((candidate) => {
    const access = candidate.requester === requester.username ? capabilityAccess(requester, candidate) : undefined
    return access?.token === token && isUsable(access)
  })
  return capability ? { capability, requester } : null
}

/**
 * The caller behind a token, as `authenticate` finds it, except that an
 * expired capability answers 401, as the platform does for capability reads.
 */
export function authenticateCaller(platform: Platform, user: User, authorization: string | undefined): Caller {
  const stale = cmcRecords(platform.state).capabilities.some((capability) => {
    const access = capability.requester === user.username ? capabilityAccess(user, capability) : undefined
    return access !== undefined && access.token === authorization && !isUsable(access)
  })
  if (stale) throw new ApiError(401, 'invalid-access-token', 'The access token has expired.')
  return authenticate(platform, user, authorization)
}

/**
 * The plugin's answer to the requester's `consent/invalidate-link-cmc`: an
 * open link accepts no one more (earlier grants stay); a single-use one has
 * nothing to close.
 */
export function closeOpenLink(platform: Platform, requester: User, trigger: PryvEvent): Record<string, unknown> {
  const capabilityId = trigger.content.capabilityId
  const capability = cmcRecords(platform.state).capabilities.find(
    (candidate) => candidate.id === capabilityId && candidate.requester === requester.username,
  )
  if (!capability) throw new TriggerFailed('capability-access-not-found', { capabilityId })
  if (capability.mode === 'single-use') return { alreadyConsumed: true }
  capability.invalidated = true
  return {}
}
