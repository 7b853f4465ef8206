import type { Connection } from 'pryv'
import { AppError } from '@/services/appError'
import { callApi } from '@/services/callApi'
import { streamLevels } from './cmcAnswerStream'
import { writeCmcTrigger, type CmcTrigger } from './cmcTrigger'
import type { Permission } from '@/services/accessState'

/** How an accept flow ended: the person's answer, or why it could not be given. */
export type CmcAcceptOutcome =
  { kind: 'accepted' } | { kind: 'refused' } | { kind: 'cancelled' } | { kind: 'failed'; error: AppError }

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

// The accept page fetches this module only to answer: what follows an answer comes with it.
export { followCmcTrigger } from './cmcTrigger'
