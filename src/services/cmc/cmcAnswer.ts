import type { Connection } from 'pryv'
import { AppError } from '@/services/appError'
import { callApi } from '@/services/callApi'
import { writeCmcTrigger, type CmcTrigger } from './cmcTrigger'
import type { Permission } from '@/services/accessState'

/** How an accept flow ended: the person's answer, or why it could not be given. */
export type CmcAcceptOutcome =
  { kind: 'accepted' } | { kind: 'refused' } | { kind: 'cancelled' } | { kind: 'failed'; error: AppError }

/** Where CMC pages may write an answer: the person's own app streams, never the plugin's inbox. */
const appsRoot = ':_cmc:apps'

/** The levels of a `:_cmc:apps:<app>[:...]` stream id below `:_cmc:apps`, top first; null for any other id. */
export function streamLevels(scopeStreamId: string): Array<{ id: string; parentId: string; name: string }> | null {
  if (!scopeStreamId.startsWith(appsRoot + ':')) return null
  const names = scopeStreamId.slice(appsRoot.length + 1).split(':')
  if (names.some((name) => name === '')) return null
  return names.map((name, index) => ({
    id: [appsRoot, ...names.slice(0, index + 1)].join(':'),
    parentId: [appsRoot, ...names.slice(0, index)].join(':'),
    name,
  }))
}

/** `streams.create` for each missing level of the answer's stream (the plugin makes only `:_cmc:apps`); an existing one is fine. */
export async function ensureCmcStream(connection: Connection, scopeStreamId: string): Promise<void> {
  for (const level of streamLevels(scopeStreamId) ?? []) {
    try {
      await callApi(connection, 'streams.create', level, { 'item-already-exists': 'cmc-stream-exists' })
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'cmc-stream-exists')) throw err
    }
  }
}

/** What the person accepts: the capability back, and the ticked entries only when they had a choice. */
export interface CmcAcceptance {
  capabilityUrl: string
  accessName?: string
  features?: Record<string, unknown>
  grantedPermissions?: Permission[]
}

/** Creates the answer's stream if needed, then writes `consent/accept-cmc` with the personal token. */
export async function writeCmcAccept(
  connection: Connection,
  scopeStreamId: string,
  acceptance: CmcAcceptance,
): Promise<CmcTrigger> {
  await ensureCmcStream(connection, scopeStreamId)
  return writeCmcTrigger(connection, scopeStreamId, 'consent/accept-cmc', { ...acceptance })
}

/** Creates the answer's stream if needed, then writes `consent/refuse-cmc`, which tells the requester no. */
export async function writeCmcRefuse(
  connection: Connection,
  scopeStreamId: string,
  capabilityUrl: string,
): Promise<CmcTrigger> {
  await ensureCmcStream(connection, scopeStreamId)
  return writeCmcTrigger(connection, scopeStreamId, 'consent/refuse-cmc', { capabilityUrl })
}
