import type { Connection } from 'pryv'
import { AppError, failedAnswer, type PlatformErrorMap } from '@/services/appError'
import type { CmcCapability } from './cmcCapability'
import { nameRequester, type RequesterNaming } from './cmcRequester'
import { withAppErrors } from '@/services/http'
import { asRecord, textOf } from '@/services/json'
import { readLocalizedText, type LocalizedText } from '@/services/localizedText'
import { readOfferEntry, type OfferEntry } from '@/services/consentGrant'
import { loadPryv } from '@/services/pryvLibrary'

/** What the accept page shows of a requester's offer, read through its capability. */
export interface CmcOffer extends RequesterNaming {
  appId?: string
  title?: LocalizedText
  description?: LocalizedText
  consent?: LocalizedText
  entries: OfferEntry[]
  allowUserChoice: boolean
  /** The offer's features (chat, system messages), passed back as offered on accept. */
  features?: Record<string, unknown>
  /** `request.expiresAt`, Unix seconds. */
  expiresAt?: number
  /** When the capability stops working (its access-info `expires`), Unix seconds. */
  capabilityExpires?: number
}

// The platform answers 401 for a capability that expired or never existed.
const capabilityErrors: PlatformErrorMap = {
  'invalid-access-token': 'cmc-capability-invalid',
  forbidden: 'cmc-capability-invalid',
}

/** A GET through the capability (pryv `Connection.get` sends the token as `Authorization`); an error body throws. */
async function getThrough(
  connection: Connection,
  path: string,
  query: object | null,
): Promise<Record<string, unknown>> {
  const body = asRecord(await withAppErrors(() => connection.get(path, query ?? undefined), capabilityErrors))
  if (!body) throw new AppError('unexpected-answer')
  const error = asRecord(body.error)
  if (error) throw failedAnswer(undefined, error, capabilityErrors)
  return body
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function readOffer(content: Record<string, unknown>, capabilityExpires: number | undefined): CmcOffer {
  const request = asRecord(content.request)
  const entries = Array.isArray(request?.permissions) ? request.permissions.map(readOfferEntry) : []
  if (!request || entries.length === 0 || entries.some((entry) => !entry))
    throw new AppError('cmc-offer-invalid-permissions')
  const meta = asRecord(content.requesterMeta)
  const naming = {
    displayName: textOf(meta?.displayName),
    username: textOf(content.requesterUsername),
    host: textOf(content.requesterHost),
  }
  const offer: CmcOffer = {
    ...nameRequester(naming, '?'),
    entries: entries.filter((entry): entry is OfferEntry => entry !== undefined),
    allowUserChoice: request.allowUserChoice === true,
  }
  const optional = {
    appId: textOf(meta?.appId),
    title: readLocalizedText(request.title),
    description: readLocalizedText(request.description),
    consent: readLocalizedText(request.consent),
    features: asRecord(request.features),
    expiresAt: finiteNumber(request.expiresAt),
    capabilityExpires,
  }
  return Object.assign(offer, Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)))
}

/**
 * GET {capability}events?types[]=consent/request-cmc&limit=1 and GET {capability}access-info, the token in
 * `Authorization` (never a URL with credentials): the offer before any sign-in. 401 -> `cmc-capability-invalid`,
 * no event -> `cmc-capability-empty`.
 */
export async function readCmcOffer(capability: CmcCapability): Promise<CmcOffer> {
  const { Connection } = await loadPryv()
  const connection = new Connection(capability.url)
  const [events, info] = await Promise.all([
    getThrough(connection, 'events', { 'types[]': ['consent/request-cmc'], limit: 1 }),
    // Only the expiry comes from here: the offer shows without it.
    getThrough(connection, 'access-info', null).catch(() => undefined),
  ])
  const event = Array.isArray(events.events) ? asRecord(events.events[0]) : undefined
  if (!event) throw new AppError('cmc-capability-empty')
  const content = asRecord(event.content)
  if (!content) throw new AppError('unexpected-answer')
  return readOffer(content, finiteNumber(info?.expires))
}
