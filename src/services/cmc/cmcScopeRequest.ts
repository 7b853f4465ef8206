import type { Connection } from 'pryv'
import type { Permission } from '@/services/accessState'
import { AppError } from '@/services/appError'
import { callApi } from '@/services/callApi'
import { asRecord, textOf } from '@/services/json'
import { readLocalizedText, type LocalizedText } from '@/services/localizedText'
import { grantRequesterName } from './cmcGrantName'
import { nameRequester, type RequesterNaming } from './cmcRequester'

export const scopeRequestType = 'consent/scope-request-cmc'
export const scopeUpdateType = 'consent/scope-update-cmc'

/**
 * A requester's scope request as delivered to the person's account (its collectors stream); the requester named from
 * `from` as the platform stamped it, else by the app's code in the stream path.
 */
export interface ScopeRequest extends RequesterNaming {
  id: string
  /** The collectors stream the request arrived in: `…:collectors:<peer>`. */
  streamId: string
  /** The complete proposed set, not a difference. */
  newPermissions: Permission[]
  message?: LocalizedText
  /** Unix seconds. */
  expires?: number
}

/** The data grant a request concerns: the requester's access to the person's data. */
export interface DataGrant {
  id: string
  permissions: Permission[]
  /** The requester's display name the grant was given under, when it was (see `grantRequesterName`). */
  requesterName?: string
}

/** The objects of a JSON list (permissions, accesses, events); anything else in it is dropped. */
function recordsOf(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return []
  return value.map(asRecord).filter((item): item is Record<string, unknown> => item !== undefined)
}

/** `from` is trustworthy (the platform stamps it); without it, `:_cmc:apps:<app>:…` still names the app. */
function requesterOf(from: Record<string, unknown> | undefined, streamId: string): RequesterNaming {
  const appCode = /^:_cmc:apps:([^:]+)/.exec(streamId)?.[1] ?? streamId
  return nameRequester({ username: textOf(from?.username), host: textOf(from?.host) }, appCode)
}

/** `events.getOne`: the request event, or null when the id names another kind of event. */
export async function readScopeRequest(connection: Connection, id: string): Promise<ScopeRequest | null> {
  const result = await callApi(
    connection,
    'events.getOne',
    { id },
    { 'unknown-resource': 'cmc-scope-request-not-found' },
  )
  const event = asRecord(result.event)
  const content = asRecord(event?.content)
  if (event?.type !== scopeRequestType || !content) return null
  const streamId = Array.isArray(event.streamIds) ? textOf(event.streamIds[0]) : undefined
  if (!streamId) throw new AppError('unexpected-answer')
  return {
    id,
    streamId,
    newPermissions: recordsOf(content.newPermissions),
    message: readLocalizedText(content.message),
    expires: typeof content.expires === 'number' ? content.expires : undefined,
    ...requesterOf(asRecord(content.from), streamId),
  }
}

/** `accesses.get`: the counterparty data grant holding a permission on the request's collectors stream. */
export async function findDataGrant(connection: Connection, collectorsStreamId: string): Promise<DataGrant> {
  const result = await callApi(connection, 'accesses.get', {})
  const accesses = recordsOf(result.accesses)
  const grant = accesses.find(
    (access) =>
      asRecord(asRecord(access.clientData)?.cmc)?.role === 'counterparty' &&
      recordsOf(access.permissions).some((permission) => permission.streamId === collectorsStreamId),
  )
  const id = textOf(grant?.id)
  if (!grant || !id) throw new AppError('cmc-grant-not-found')
  const acceptEventId = textOf(asRecord(asRecord(grant.clientData)?.cmc)?.acceptEventId)
  const requesterName = grantRequesterName(textOf(grant.name), acceptEventId)
  return { id, permissions: recordsOf(grant.permissions), ...(requesterName ? { requesterName } : {}) }
}

/**
 * `events.get` of the scope-update triggers in these streams: the id of one answering this request, else null.
 * The person's own answers are all there, whichever tab or visit wrote them.
 */
export async function findScopeAnswer(
  connection: Connection,
  streamIds: readonly string[],
  scopeRequestEventId: string,
): Promise<string | null> {
  const result = await callApi(connection, 'events.get', {
    streams: [...new Set(streamIds)],
    types: [scopeUpdateType],
    limit: 1000,
  })
  const events = recordsOf(result.events)
  const answer = events.find((event) => asRecord(event.content)?.scopeRequestEventId === scopeRequestEventId)
  return textOf(answer?.id) ?? null
}

/** Everything the page needs before the person answers. */
export interface ScopeCase {
  request: ScopeRequest
  grant: DataGrant
  /** Where the answer goes: the link's `scopeStreamId`, else the request's own stream. */
  answerStreamId: string
  /** The id of an answer already written for this request (another tab, an earlier visit), else null. */
  answerId: string | null
}

/**
 * Reads the request, its data grant and any earlier answer; null when the id names no scope request. The request names
 * its requester only by account (`from`): the display name comes from the grant, as the accept page named it.
 */
export async function loadScopeCase(
  connection: Connection,
  scopeRequestEventId: string,
  scopeStreamId: string | undefined,
): Promise<ScopeCase | null> {
  const request = await readScopeRequest(connection, scopeRequestEventId)
  if (!request) return null
  const answerStreamId = scopeStreamId ?? request.streamId
  const [grant, answerId] = await Promise.all([
    findDataGrant(connection, request.streamId),
    findScopeAnswer(connection, [answerStreamId, request.streamId], request.id),
  ])
  const named = grant.requesterName ? { ...request, requester: grant.requesterName } : request
  return { request: named, grant, answerStreamId, answerId }
}

/**
 * The content of a `consent/scope-update-cmc` answer. An accept carries `accessId` and `newPermissions` beside
 * `scopeRequestEventId`: the platform at hand changes the grant only with both, newer ones find them from the request.
 */
export function scopeAnswerContent(
  scopeCase: ScopeCase,
  answer: { accept: true } | { accept: false; reason?: LocalizedText },
): Record<string, unknown> {
  const { request, grant } = scopeCase
  if (answer.accept)
    return { scopeRequestEventId: request.id, accept: true, accessId: grant.id, newPermissions: request.newPermissions }
  return { scopeRequestEventId: request.id, accept: false, ...(answer.reason ? { reason: answer.reason } : {}) }
}
