import { accountSeed } from '../demo-platform/account-seed.ts'
import { appUrl, platformUrl } from './urls'

/** The seeded app account that publishes offers. */
export const requesterAccount = { username: 'demo-study', password: 'demo-study-password-1' } as const

export type CmcPermission =
  | { streamId: string; level: string; defaultName?: string; name?: string; mandatory?: true }
  | { feature: string; setting: string; mandatory?: true }

export type LocalizedText = Record<string, string>

export interface OfferRequest {
  title?: LocalizedText
  description?: LocalizedText
  consent?: LocalizedText
  permissions: CmcPermission[]
  allowUserChoice?: boolean
  features?: { chat?: boolean; systemMessaging?: boolean }
  expiresAt?: number
  accessType?: string
}

export interface OfferOptions {
  requester?: string
  /** `study` publishes on the requester's `:_cmc:apps:study`. */
  appScope?: string
  mode?: 'single-use' | 'open-link'
  /** 0 mints an already expired capability. */
  capabilityExpiresInSeconds?: number
  /** `localhost` gives a capability URL naming another platform (still served by the demo platform). */
  capabilityHost?: string
  to?: string | null
  request?: Partial<OfferRequest>
  requesterMeta?: { displayName?: string; appId?: string; appUrl?: string }
}

export interface PublishedOffer {
  capabilityUrl: string
  /** The id of the offer as the capability reads it (and as a completed trigger reports it). */
  offerEventId: string
  capabilityAccessId: string
}

export interface CmcTriggerRecord {
  username: string
  id: string
  type: string
  streamIds: string[]
  status?: 'delivered' | 'completed' | 'failed'
  failure?: { reason: string; detail?: unknown }
  content: Record<string, unknown>
}

export interface CmcEventRecord {
  username: string
  id: string
  type: string
  streamIds: string[]
  content: Record<string, unknown>
}

export interface CmcGrantRecord {
  username: string
  id: string
  name: string
  type: string
  permissions: CmcPermission[]
  clientData: { cmc: Record<string, unknown> }
  /** Carries the grant's token: for assertions only. */
  apiEndpoint: string
  deleted?: number
}

/** What the demo platform recorded of CMC: `GET /_demo/cmc`. */
export interface CmcRecords {
  capabilities: Array<{
    id: string
    requester: string
    mode: string
    expires: number
    consumed: boolean
    invalidated: boolean
    acceptedBy: string[]
  }>
  /** Events the callers wrote (offers, accepts, refusals, scope requests and answers), with their status. */
  triggers: CmcTriggerRecord[]
  /** What the plugin delivered to `:_cmc:inbox` streams. */
  inbox: CmcEventRecord[]
  /** What the plugin delivered elsewhere (scope requests to the recipient, answers to the requester). */
  deliveries: CmcEventRecord[]
  grants: CmcGrantRecord[]
  settings: CmcSettings
}

export interface CmcSettings {
  triggerDelayMs: number
  refusalDeliveryBug: boolean
  failNextTrigger: { reason: string; detail?: unknown } | null
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${platformUrl}/_demo/cmc${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const json = (await response.json()) as T
  if (!response.ok) throw new Error(`/_demo/cmc${path} answered ${response.status}: ${JSON.stringify(json)}`)
  return json
}

export const defaultOfferRequest: OfferRequest = {
  title: { en: 'Join the sleep study', fr: 'Rejoindre l’étude du sommeil' },
  description: { en: 'The study reads your health records for six months.' },
  consent: { en: 'I agree that Demo Study reads my health data.' },
  permissions: [{ streamId: 'health', level: 'read', defaultName: 'Health' }],
}

/** Publishes an offer as the requester would (`consent/request-cmc` with a capability). */
export function publishOffer(options: OfferOptions = {}): Promise<PublishedOffer> {
  return control<PublishedOffer>('POST', '/offers', {
    requester: requesterAccount.username,
    appScope: 'study',
    requesterMeta: { displayName: 'Demo Study', appId: 'study', appUrl: 'https://study.example' },
    ...options,
    request: { ...defaultOfferRequest, ...options.request },
  })
}

/** The state right after a completed accept: a data grant on the recipient's account and both collectors streams. */
export function seedGrant(options: {
  recipient: string
  permissions: CmcPermission[]
  requester?: string
  appScope?: string
  /** The name the accept link gave the grant, as `accessName` does. */
  accessName?: string
}): Promise<{ dataGrantAccessId: string; scopeStreamId: string }> {
  return control('POST', '/grants', { requester: requesterAccount.username, appScope: 'study', ...options })
}

/** The requester asks for a new scope; answers the request's id on the recipient's account and its stream there. */
export function requestScopeUpdate(options: {
  recipient: string
  newPermissions: CmcPermission[]
  requester?: string
  message?: LocalizedText
  /** Epoch seconds. */
  expires?: number
}): Promise<{ scopeRequestEventId: string; scopeStreamId: string }> {
  return control('POST', '/scope-requests', { requester: requesterAccount.username, ...options })
}

/** What `/_demo/cmc` shows, less the grants the seeded account-area account holds from the start. */
export async function cmcRecords(): Promise<CmcRecords> {
  const all = await control<CmcRecords>('GET', '')
  return { ...all, grants: all.grants.filter((grant) => grant.username !== accountSeed.username) }
}

/** Changes the plugin's behaviour until the next `/_demo/reset`; answers the settings now in force. */
export function cmcSettings(settings: Partial<CmcSettings>): Promise<CmcSettings> {
  return control('POST', '/settings', settings)
}

/** The trigger a page wrote, once the plugin answered it (never waits on a timer: it polls the record). */
export async function settledTrigger(type: string, username: string): Promise<CmcTriggerRecord> {
  for (;;) {
    const trigger = (await cmcRecords()).triggers.findLast(
      (candidate) => candidate.type === type && candidate.username === username,
    )
    if (trigger && (trigger.status === 'completed' || trigger.status === 'failed')) return trigger
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The requester closes an open link (`consent/invalidate-link-cmc`, written as its app would, with its own session). */
export async function closeOpenLink(capabilityId: string): Promise<void> {
  const { username, password } = requesterAccount
  const login = await fetch(`${platformUrl}/${username}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: platformUrl },
    body: JSON.stringify({ username, password, appId: 'demo-study-app' }),
  })
  const { token } = (await login.json()) as { token: string }
  const written = await fetch(`${platformUrl}/${username}/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: token },
    body: JSON.stringify({
      streamIds: [':_cmc:apps:study'],
      type: 'consent/invalidate-link-cmc',
      content: { capabilityId },
    }),
  })
  if (written.status !== 201) throw new Error(`closing the link answered ${written.status}`)
  await settledTrigger('consent/invalidate-link-cmc', username)
}

function pageLink(route: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) if (value !== undefined) query.set(name, value)
  return `${appUrl}/access/${route}?${query.toString()}`
}

/** The recipient's platform as a requester app names it in the links. */
export const recipientPryvApi = `${platformUrl}/`

/** Our accept page's link, built in `@pryv/cmc`'s `requestAcceptUrl` order. */
export function acceptPageLink(params: {
  capabilityUrl: string
  scopeStreamId?: string
  pryvApi?: string
  accessName?: string
  returnUrl?: string
  mode?: 'popup' | 'redirect'
}): string {
  return pageLink('cmc-accept', {
    capabilityUrl: params.capabilityUrl,
    scopeStreamId: params.scopeStreamId ?? ':_cmc:apps:study',
    pryvApi: params.pryvApi ?? recipientPryvApi,
    accessName: params.accessName,
    returnUrl: params.returnUrl,
    mode: params.mode,
  })
}

/** Our scope-update page's link, built in `@pryv/cmc`'s `requestScopeUpdateUrl` order. */
export function scopeUpdatePageLink(params: {
  scopeRequestEventId: string
  pryvApi?: string
  scopeStreamId?: string
  returnUrl?: string
  mode?: 'popup' | 'redirect'
}): string {
  return pageLink('cmc-scope-update', {
    scopeRequestEventId: params.scopeRequestEventId,
    pryvApi: params.pryvApi ?? recipientPryvApi,
    scopeStreamId: params.scopeStreamId,
    returnUrl: params.returnUrl,
    mode: params.mode,
  })
}
