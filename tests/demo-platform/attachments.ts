import { createHmac } from 'node:crypto'
import { Readable } from 'node:stream'
import { fileChunks } from './attachment-bytes.ts'
import { authenticateCaller } from './cmc-capability.ts'
import { findEvent, type EventView } from './cmc-event-store.ts'
import type { StoredAttachment } from './cmc-records.ts'
import { canRead } from './cmc-streams.ts'
import { isExpired } from './access-records.ts'
import { ApiError, type Answer } from './http.ts'
import type { StoredAccess, User } from './model.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser, type Caller } from './sessions.ts'

// The platform's `auth.filesReadTokenSecret`: fixed, the demo has no configuration file.
const filesReadTokenSecret = 'demo-files-read-token-secret'

function fileHmac(fileId: string, token: string): string {
  const digest = createHmac('sha1', filesReadTokenSecret)
    .update(fileId + token)
    .digest('base64')
  return digest.replace(/\//g, '_').replace(/\+/g, '-')
}

/** `<accessId>-<hmac>`: lets a URL read one file as the access that read the event, without its token. */
export function readTokenOf(accessId: string, token: string, fileId: string): string {
  return `${accessId}-${fileHmac(fileId, token)}`
}

/** An attachment as the API shows it: with the reader's token, without the generator's seed. */
export type AttachmentView = Omit<StoredAttachment, 'seed'> & { readToken: string }
export type AnsweredEvent = Omit<EventView, 'attachments'> & { attachments?: AttachmentView[] }

/** An event as answered to this caller: each attachment gets the caller's read token. */
export function withReadTokens(caller: Caller, view: EventView): AnsweredEvent {
  const { attachments: stored, ...rest } = view
  if (!stored) return rest
  const { id: accessId, token } = caller.access
  const attachments = stored.map(({ id, fileName, type, size, integrity }) => ({
    id,
    fileName,
    type,
    size,
    integrity,
    readToken: readTokenOf(accessId, token, id),
  }))
  return { ...rest, attachments }
}

const invalidReadToken = () => new ApiError(401, 'invalid-access-token', 'Invalid read token.')

/**
 * The access a read token names, as the platform loads it by id: its route
 * wraps a missing or expired access in an `unexpected-error` (500), keeping
 * the inner message.
 */
function readTokenAccess(user: User, accessId: string): StoredAccess {
  const access = user.accesses.find((candidate) => candidate.id === accessId && candidate.deleted === undefined)
  if (!access) throw new ApiError(500, 'unexpected-error', 'Cannot find access from token.')
  if (isExpired(access)) throw new ApiError(500, 'unexpected-error', 'Access has expired.')
  return access
}

/**
 * The caller a download acts for: the read token's access (checked by its
 * HMAC; an `Authorization` header beside it is ignored), else the header's.
 */
function downloadCaller({ platform, params, query, headers }: RequestContext): Caller {
  const user = pathUser(platform, params.username ?? '')
  if (query.has('auth'))
    throw new ApiError(
      401,
      'invalid-access-token',
      'Query parameter "auth" is forbidden here, please use the "readToken" instead or provide the auth token in "Authorization" header.',
    )
  const readToken = query.get('readToken')
  if (readToken === null) return authenticateCaller(platform, user, headers.authorization)
  const separator = readToken.indexOf('-')
  if (separator <= 0) throw invalidReadToken()
  const access = readTokenAccess(user, readToken.slice(0, separator))
  if (readToken.slice(separator + 1) !== fileHmac(params.fileId ?? '', access.token)) throw invalidReadToken()
  return authenticateCaller(platform, user, access.token)
}

/**
 * GET /{username}/events/{eventId}/{fileId}[/{fileName}]: the file's bytes,
 * streamed, with its stored type and size; the file name in the path is not checked.
 */
function download(context: RequestContext): Answer {
  const caller = downloadCaller(context)
  const eventId = context.params.eventId ?? ''
  const fileId = context.params.fileId ?? ''
  const event = findEvent(context.platform.state, caller.user.username, eventId)
  if (!event) throw new ApiError(404, 'unknown-resource', `Unknown event "${eventId}"`, { id: eventId })
  if (!event.streamIds.some((streamId) => canRead(caller, streamId)))
    throw new ApiError(403, 'forbidden', 'You cannot access this resource using the given access token.')
  const file = event.attachments?.find((candidate) => candidate.id === fileId)
  if (!file) throw new ApiError(404, 'unknown-resource', `Unknown attachment "${fileId}"`, { id: fileId })
  return {
    status: 200,
    headers: {
      'content-type': file.type,
      'content-length': String(file.size),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      digest: `SHA-256=${file.integrity.slice('sha256-'.length)}`,
    },
    stream: () => Readable.from(fileChunks(file)),
  }
}

export const attachmentRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/(?<username>[^/]+)\/events\/(?<eventId>[^/]+)\/(?<fileId>[^/]+)(?:\/[^/]+)?$/,
    meta: 'always',
    handle: download,
  },
]
