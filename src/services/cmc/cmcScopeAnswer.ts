import type { Connection } from 'pryv'
import { AppError } from '@/services/appError'
import { cmcTriggerError } from './cmcFailure'
import { scopeApplied } from './cmcScopeDiff'
import { findDataGrant, scopeAnswerContent, scopeUpdateType, type ScopeCase } from './cmcScopeRequest'
import { followCmcTrigger, writeCmcTrigger } from './cmcTrigger'
import type { LocalizedText } from '@/services/localizedText'

export type ScopeAnswer = { accept: true } | { accept: false; reason?: LocalizedText }

/**
 * `events.create` of the `consent/scope-update-cmc` answer, then `events.getOne` until the platform settles it;
 * an accept is then checked with `accesses.get`, since the platform at hand completes an answer it did not apply.
 * `onWritten` hears the answer's id as soon as it exists: from then on, it must never be written again.
 */
export async function answerScopeRequest(
  connection: Connection,
  scopeCase: ScopeCase,
  answer: ScopeAnswer,
  onWritten: (answerId: string) => void,
): Promise<void> {
  const { request, answerStreamId } = scopeCase
  const content = scopeAnswerContent(scopeCase, answer)
  const trigger = await writeCmcTrigger(connection, answerStreamId, scopeUpdateType, content)
  onWritten(trigger.id)
  const settled = await followCmcTrigger(connection, trigger.id)
  if (settled.status === 'failed') throw cmcTriggerError(settled)
  if (!answer.accept) return
  const after = await findDataGrant(connection, request.streamId)
  if (!scopeApplied(after.permissions, request.newPermissions)) throw new AppError('cmc-scope-update-not-applied')
}
