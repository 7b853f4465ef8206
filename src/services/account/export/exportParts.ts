import type { Connection } from 'pryv'
import { asRecord } from '@/services/json'

/** `pryv`'s `apiOne`, for the methods its types do not list (`profile.get`) and answers read as unknown. */
type ApiOne = (method: string, params: object, key?: string) => Promise<unknown>

function apiOne(connection: Connection, method: string, params: object, key?: string): Promise<unknown> {
  return (connection.apiOne as ApiOne).call(connection, method, params, key)
}

/** The platform's own roots (`:_audit:`, `:_emails:`, `:_system:…`) are not the person's streams. */
function ownStreams(streams: unknown): unknown[] {
  return Array.isArray(streams) ? streams.filter((stream) => !String(asRecord(stream)?.id).startsWith(':')) : []
}

/**
 * The small parts, one file each: account.get, profile.get (private, public), streams.get (every state),
 * accesses.get (expired and deleted too), webhooks.get; all through `pryv`'s batch call.
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
