import type { Connection } from 'pryv'
import { callApi, type ApiMethod } from '@/services/callApi'
import { asRecord } from '@/services/json'

/**
 * One batch call, its answer or one key of it. Not `pryv`'s `apiOne`: it reduces a failed batch (an ended session,
 * a 500) to a bare Error, and the export must tell a failure worth retrying from a refusal.
 */
async function apiOne(connection: Connection, method: ApiMethod, params: object, key?: string): Promise<unknown> {
  const result = await callApi(connection, method, params)
  return key === undefined ? result : result[key]
}

/** The platform's own roots (`:_audit:`, `:_emails:`, `:_system:…`) are not the person's streams. */
function ownStreams(streams: unknown): unknown[] {
  return Array.isArray(streams) ? streams.filter((stream) => !String(asRecord(stream)?.id).startsWith(':')) : []
}

/**
 * The small parts, one file each: account.get, profile.get (private, public), streams.get (every state),
 * accesses.get (expired and deleted too), webhooks.get.
 */
export function plainParts(connection: Connection): [string, () => Promise<unknown>][] {
  return [
    ['account.json', () => apiOne(connection, 'account.get', {}, 'account')],
    [
      'profile.json',
      async () => ({
        private: await apiOne(connection, 'profile.get', { id: 'private' }, 'profile'),
        public: await apiOne(connection, 'profile.get', { id: 'public' }, 'profile'),
      }),
    ],
    ['streams.json', async () => ownStreams(await apiOne(connection, 'streams.get', { state: 'all' }, 'streams'))],
    ['accesses.json', () => apiOne(connection, 'accesses.get', { includeExpired: true, includeDeletions: true })],
    ['webhooks.json', () => apiOne(connection, 'webhooks.get', {}, 'webhooks')],
  ]
}
