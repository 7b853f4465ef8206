import type { Connection } from 'pryv'
import type { Permission } from './accessState'
import { callApi, type ApiCall } from './callApi'
import { asRecord, textOf } from './json'

/** The person's own name of each of their streams, by stream id. */
export type StreamNames = ReadonlyMap<string, string>

/** A permission as a page shows it: its stream named (`name`) as the person calls it, when known. */
export type StreamNaming = (permission: Permission) => Permission

function collectNames(streams: unknown, names: Map<string, string>): void {
  if (!Array.isArray(streams)) return
  for (const item of streams) {
    const stream = asRecord(item)
    const id = textOf(stream?.id)
    const name = textOf(stream?.name)
    if (id && name) names.set(id, name)
    collectNames(stream?.children, names)
  }
}

/** The call that lists every stream of the account, trashed ones too, for their names (batched with others where it helps). */
export const streamNamesCall: ApiCall = { method: 'streams.get', params: { state: 'all' } }

/** The name the person gave each stream, from the answer of `streamNamesCall`. */
export function streamNamesOf(result: Record<string, unknown>): StreamNames {
  const names = new Map<string, string>()
  collectNames(result.streams, names)
  return names
}

/** GET streams (`streams.get`, trashed ones too): the name the person gave each stream of their account. */
export async function loadStreamNames(connection: Connection): Promise<StreamNames> {
  return streamNamesOf(await callApi(connection, streamNamesCall.method, streamNamesCall.params))
}

/**
 * A permission as the person knows their data: its stream named by its name on their account, else by the name the
 * request proposed (`defaultName`), the id only as the last resort.
 */
export function withStreamName(permission: Permission, names: StreamNames): Permission {
  const streamId = textOf(permission.streamId)
  const own = streamId === undefined ? undefined : names.get(streamId)
  return own === undefined ? permission : { ...permission, name: own }
}

/** `withStreamName` for each permission. */
export function withStreamNames(permissions: readonly Permission[], names: StreamNames): Permission[] {
  return permissions.map((permission) => withStreamName(permission, names))
}

/** The person's names, read for `connection`, as the function that names one permission by them. */
export async function loadStreamNaming(connection: Connection): Promise<StreamNaming> {
  const names = await loadStreamNames(connection)
  return (permission) => withStreamName(permission, names)
}
