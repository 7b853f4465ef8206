import { ApiError } from './http.ts'
import { newId } from './ids.ts'
import type { MethodCall } from './method-call.ts'
import type { Access, Stream, User } from './model.ts'
import { isStreamPermission } from './permissions.ts'
import type { Caller } from './sessions.ts'
import { parseIncludeTrashed, systemStreamsFor } from './streams-state.ts'
import { ParamsCheck, typeError } from './validation.ts'

export const cmcRoot = ':_cmc:'
export const cmcInbox = ':_cmc:inbox'
export const cmcApps = ':_cmc:apps'
const cmcInternal = ':_cmc:_internal'

/** What the plugin creates on every account; everything under `:_cmc:apps` is made by the caller (or by an accept). */
const pluginStreams: Stream[] = [
  { id: cmcRoot, name: 'CMC', parentId: null },
  { id: cmcInbox, name: 'Inbox', parentId: cmcRoot },
  { id: cmcApps, name: 'Apps', parentId: cmcRoot },
  { id: cmcInternal, name: 'Internal', parentId: cmcRoot },
]

export function ensurePluginStreams(user: User): void {
  for (const stream of pluginStreams) if (!findStream(user, stream.id)) user.streams.push({ ...stream })
}

/** The plugin's hidden region: never shown in an answer, not even as an event's stream id. */
export function isInternalStreamId(id: string): boolean {
  return id === cmcInternal || id.startsWith(`${cmcInternal}:`)
}

/** `:chats` and `:collectors` levels under an app scope are the plugin's to create. */
function isPluginManaged(id: string): boolean {
  if (!id.startsWith(cmcRoot) && id !== ':_cmc') return false
  if (!id.startsWith(`${cmcApps}:`)) return true
  return /:(chats|collectors)(:|$)/.test(id.slice(cmcApps.length))
}

export function findStream(user: User, id: string): Stream | undefined {
  return user.streams.find((stream) => stream.id === id)
}

/** The stream and its ancestors, nearest first (just the id when the stream is unknown). */
export function streamLineage(user: User, id: string): string[] {
  const lineage: string[] = []
  let current: string | null = id
  while (current !== null && !lineage.includes(current)) {
    lineage.push(current)
    current = findStream(user, current)?.parentId ?? null
  }
  return lineage
}

export function isInSubtree(user: User, id: string, rootId: string): boolean {
  return streamLineage(user, id).includes(rootId)
}

/** The level an app access has on a stream: the entry nearest to it, else `*`. */
export function accessLevelOn(user: User, access: Access, streamId: string): string | undefined {
  const streamEntries = access.permissions.filter(isStreamPermission)
  for (const id of streamLineage(user, streamId)) {
    const entry = streamEntries.find((permission) => permission.streamId === id)
    if (entry) return entry.level
  }
  return streamEntries.find((permission) => permission.streamId === '*')?.level
}

export function canRead(caller: Caller, streamId: string): boolean {
  if (caller.kind === 'personal') return !isInternalStreamId(streamId)
  const level = accessLevelOn(caller.user, caller.access, streamId)
  return level === 'read' || level === 'contribute' || level === 'manage'
}

export function canWrite(caller: Caller, streamId: string): boolean {
  if (caller.kind === 'personal') return true
  const level = accessLevelOn(caller.user, caller.access, streamId)
  return level === 'contribute' || level === 'manage' || level === 'create-only'
}

/** Creates every missing level of a `:_cmc:apps:...` stream id (what the plugin does for the anchor streams). */
export function ensureAppStreamChain(user: User, id: string): string[] {
  ensurePluginStreams(user)
  const created: string[] = []
  let parentId = cmcApps
  for (const segment of id.slice(cmcApps.length + 1).split(':')) {
    const levelId = `${parentId}:${segment}`
    if (!findStream(user, levelId)) {
      user.streams.push({ id: levelId, name: segment, parentId })
      created.push(levelId)
    }
    parentId = levelId
  }
  return created
}

/** Adds one of the plugin's hidden streams (a capability's offer copy lives there). */
export function addInternalStream(user: User, suffix: string): string {
  ensurePluginStreams(user)
  const id = `${cmcInternal}:${suffix}`
  if (!findStream(user, id)) user.streams.push({ id, name: suffix, parentId: cmcInternal })
  return id
}

function unknownStream(id: string, field: string): ApiError {
  return new ApiError(400, 'unknown-referenced-resource', `Unknown referenced stream "${id}"`, { [field]: id })
}

/** `streams.create`: the parent must exist, ids are unique, the plugin's own levels are refused. */
export function createStream({ caller, params }: MethodCall): Record<string, unknown> {
  const user = caller.user
  ensurePluginStreams(user)
  const check = new ParamsCheck(params)
  const name = check.requiredString('name', { minLength: 1 })
  const id = check.string('id', { minLength: 1 }) ?? newId()
  const parentId = check.params.parentId ?? null
  if (parentId !== null && typeof parentId !== 'string') check.add(typeError('#/parentId', 'string or null'))
  check.done()
  const parent = typeof parentId === 'string' ? parentId : null
  if (parent !== null && !findStream(user, parent)) throw unknownStream(parent, 'parentId')
  if (caller.kind !== 'personal' && (parent === null || accessLevelOn(user, caller.access, parent) !== 'manage'))
    throw new ApiError(403, 'forbidden', 'You cannot access this resource using the given access token.')
  if (findStream(user, id))
    throw new ApiError(409, 'item-already-exists', `A stream with id "${id}" already exists`, { id })
  if (isPluginManaged(id))
    throw new ApiError(400, 'invalid-operation', `The stream id "${id}" is reserved for the CMC plugin.`, { id })
  const stream: Stream = { id, name, parentId: parent }
  user.streams.push(stream)
  return { stream: { ...stream, children: [] } }
}

interface StreamTree extends Stream {
  children: StreamTree[]
}

function treeOf(streams: Stream[], parentId: string | null): StreamTree[] {
  return streams
    .filter((stream) => stream.parentId === parentId)
    .map((stream) => ({ ...stream, children: treeOf(streams, stream.id) }))
}

/**
 * `streams.get`: the caller's visible tree (the plugin's hidden region left
 * out), from `parentId` when given; trashed streams (and, for a personal
 * token, the platform's system roots) only with `state=all`.
 */
export function getStreams({ caller, params }: MethodCall): Record<string, unknown> {
  const user = caller.user
  ensurePluginStreams(user)
  const check = new ParamsCheck(params)
  const parentId = check.string('parentId') ?? null
  const includeTrashed = parseIncludeTrashed(check)
  check.done()
  if (parentId !== null && !findStream(user, parentId)) throw unknownStream(parentId, 'parentId')
  const visible = user.streams.filter(
    (stream) =>
      !isInternalStreamId(stream.id) &&
      (includeTrashed || stream.trashed !== true) &&
      (caller.kind === 'personal' || accessLevelOn(user, caller.access, stream.id) !== undefined),
  )
  return { streams: treeOf([...visible, ...systemStreamsFor(caller, includeTrashed)], parentId) }
}
