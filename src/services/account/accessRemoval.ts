import type { Connection } from 'pryv'
import type { AppError } from '@/services/appError'
import { callApiBatch } from '@/services/callApi'
import { asRecord, textOf } from '@/services/json'

/** What the platform answered to a removal: every access it removed (related ones too), and each one it refused. */
export interface RemovalOutcome {
  removed: string[]
  refused: Array<{ id: string; error: AppError }>
}

function removedIdsOf(result: Record<string, unknown>, asked: string): string[] {
  const main = textOf(asRecord(result.accessDeletion)?.id) ?? asked
  // Stryker disable next-line ArrayDeclaration: equivalent, a placeholder item that is no object has no id and is dropped as an empty list is
  const related = Array.isArray(result.relatedDeletions) ? result.relatedDeletions : []
  return [main, ...related.map((item) => textOf(asRecord(item)?.id)).filter((id) => id !== undefined)]
}

/**
 * DELETE accesses/{id} (`accesses.delete`) for each id, in one request: the platform answers each alone, so a
 * refusal of one leaves the others removed and is reported with its id; an access already gone counts as removed;
 * a refusal of the whole request (an ended session) is thrown.
 */
export async function removeAccesses(connection: Connection, ids: readonly string[]): Promise<RemovalOutcome> {
  const outcomes = await callApiBatch(
    connection,
    ids.map((id) => ({ method: 'accesses.delete', params: { id } })),
  )
  const outcome: RemovalOutcome = { removed: [], refused: [] }
  outcomes.forEach((answer, index) => {
    // Stryker disable next-line StringLiteral: equivalent, callApiBatch answers one outcome per call, so ids[index] is always there
    const id = ids[index] ?? ''
    if (answer.ok) outcome.removed.push(...removedIdsOf(answer.result, id))
    // Already gone (removed in another tab meanwhile): what the person asked for is done.
    else if (answer.id === 'unknown-resource') outcome.removed.push(id)
    else outcome.refused.push({ id, error: answer.error })
  })
  return outcome
}
