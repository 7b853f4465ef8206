import { handleAccept } from './cmc-accept.ts'
import { closeOpenLink, mintCapability } from './cmc-capability.ts'
import { eventView, type EventView } from './cmc-event-store.ts'
import type { PryvEvent } from './cmc-records.ts'
import { handleRefuse } from './cmc-refuse.ts'
import { deliverScopeRequest, handleScopeUpdate } from './cmc-scope.ts'
import { cmcApps } from './cmc-streams.ts'
import { scheduleTrigger, type TriggerHandler } from './cmc-triggers.ts'
import { ApiError, isRecord } from './http.ts'
import type { Caller } from './sessions.ts'
import type { Platform } from './state.ts'
import { invalidParameters, typeError } from './validation.ts'

interface ContentError {
  field: string
  message: string
}

type FieldRule =
  | 'string'
  | 'optional-string'
  | 'boolean'
  | 'optional-number'
  | 'optional-object'
  | 'optional-array'
  | 'array'
  | 'object'

const fieldChecks: Record<FieldRule, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string' && value !== '',
  'optional-string': (value) => value === undefined || typeof value === 'string',
  boolean: (value) => typeof value === 'boolean',
  'optional-number': (value) => value === undefined || (typeof value === 'number' && Number.isFinite(value)),
  'optional-object': (value) => value === undefined || isRecord(value),
  'optional-array': (value) => value === undefined || Array.isArray(value),
  array: (value) => Array.isArray(value) && value.length > 0,
  object: isRecord,
}

interface TypeRules {
  fields: Record<string, FieldRule>
  /** Only a personal token may write it: the person was there. */
  personalOnly: boolean
  /** Checks beyond the fields' types. */
  more?: (content: Record<string, unknown>) => ContentError[]
}

// The bounds the platform puts on a capability's lifetime: 60 s to 30 days.
const capabilityLifetime = { min: 60, max: 30 * 24 * 3600 }

/** What an offer's `request` and `capability` must hold (the entries themselves are checked at accept time). */
function offerErrors(content: Record<string, unknown>): ContentError[] {
  const errors: ContentError[] = []
  if (isRecord(content.request) && !fieldChecks.array(content.request.permissions))
    errors.push({ field: 'request.permissions', message: 'content.request.permissions must be a non-empty array' })
  const capability = isRecord(content.capability) ? content.capability : {}
  if (capability.mode !== undefined && capability.mode !== 'single-use' && capability.mode !== 'open-link')
    errors.push({ field: 'capability.mode', message: 'content.capability.mode must be "single-use" or "open-link"' })
  const lifetime = capability.expiresInSeconds
  if (
    lifetime !== undefined &&
    (typeof lifetime !== 'number' || lifetime < capabilityLifetime.min || lifetime > capabilityLifetime.max)
  )
    errors.push({
      field: 'capability.expiresInSeconds',
      message: `content.capability.expiresInSeconds must be between ${capabilityLifetime.min} and ${capabilityLifetime.max}`,
    })
  return errors
}

/** The CMC event types the plugin acts on, with what their content must hold (all live in `:_cmc:apps:...` streams). */
const cmcTypes: Record<string, TypeRules> = {
  'consent/request-cmc': {
    fields: { request: 'object', capability: 'optional-object', requesterMeta: 'optional-object' },
    personalOnly: false,
    more: offerErrors,
  },
  'consent/accept-cmc': {
    fields: {
      capabilityUrl: 'string',
      accessName: 'optional-string',
      features: 'optional-object',
      grantedPermissions: 'optional-array',
    },
    personalOnly: true,
  },
  'consent/refuse-cmc': {
    fields: { capabilityUrl: 'string', reason: 'optional-object' },
    personalOnly: false,
  },
  'consent/scope-request-cmc': {
    fields: { newPermissions: 'array', message: 'optional-object', expires: 'optional-number' },
    personalOnly: false,
  },
  'consent/invalidate-link-cmc': {
    fields: { capabilityId: 'string', reason: 'optional-object' },
    personalOnly: false,
  },
  'consent/scope-update-cmc': {
    fields: {
      scopeRequestEventId: 'string',
      accept: 'boolean',
      accessId: 'optional-string',
      newPermissions: 'optional-array',
      reason: 'optional-object',
    },
    personalOnly: true,
  },
}

function contentErrors(rules: TypeRules, content: Record<string, unknown>, streamIds: string[]): ContentError[] {
  const errors: ContentError[] = Object.entries(rules.fields)
    .filter(([field, rule]) => !fieldChecks[rule](content[field]))
    .map(([field, rule]) => ({
      field,
      message: `content.${field} must be ${rule.replace('optional-', 'an optional ')}`,
    }))
  errors.push(...(rules.more?.(content) ?? []))
  if (!streamIds.every((id) => id.startsWith(`${cmcApps}:`)))
    errors.push({ field: 'streamIds', message: `CMC triggers are written to a "${cmcApps}:..." stream` })
  return errors
}

function cmcError(id: string, message: string, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError(400, 'invalid-operation', message, { id, ...extra })
}

/**
 * The plugin's checks before a CMC event is stored, in the server's order:
 * the type's schema, the personal-token gate, then the content.
 */
export function checkCmcEvent(personal: boolean, type: string, content: unknown, streamIds: string[]): void {
  const rules = cmcTypes[type]
  if (!rules) return
  if (!isRecord(content)) throw invalidParameters([typeError('#/content', 'object')])
  if (rules.personalOnly && !personal)
    throw cmcError('cmc-accept-requires-personal-token', `Writing a "${type}" event needs a personal token.`)
  const errors = contentErrors(rules, content, streamIds)
  if (errors.length > 0) throw cmcError('cmc-invalid-event-content', 'Invalid CMC event content.', { errors })
}

function triggerHandler(caller: Caller, trigger: PryvEvent): TriggerHandler | null {
  const user = caller.user
  switch (trigger.type) {
    case 'consent/accept-cmc':
      return (pinned) => handleAccept(pinned, user, trigger)
    case 'consent/refuse-cmc':
      return (pinned) => handleRefuse(pinned, user, trigger)
    case 'consent/scope-request-cmc':
      return (pinned) => {
        deliverScopeRequest(pinned, user, trigger)
        return {}
      }
    case 'consent/scope-update-cmc':
      return (pinned) => handleScopeUpdate(pinned, user, trigger)
    case 'consent/invalidate-link-cmc':
      return (pinned) => closeOpenLink(pinned, user, trigger)
    default:
      return null
  }
}

/**
 * What the plugin does once an event is stored: mint a capability at once
 * (the answer carries its URL), or answer a trigger later (the answer is
 * taken before the trigger is marked `delivered`, as observed). Answers the
 * event as the create call shows it.
 */
export function startCmcEvent(platform: Platform, caller: Caller, event: PryvEvent): EventView {
  if (event.type === 'consent/request-cmc' && event.content.capabilityRequested === true)
    mintCapability(platform, caller.user, event)
  const answered = eventView(event)
  const handler = triggerHandler(caller, event)
  if (handler) scheduleTrigger(platform, event, handler)
  return answered
}
