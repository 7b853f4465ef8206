import { auditLog, auditPrefix } from './audit-store.ts'
import { pageOf, typeMatches, type Paging } from './events-paging.ts'
import { ApiError } from './http.ts'
import type { Platform } from './state.ts'
import type { Caller } from './sessions.ts'
import { queryStreamIds, type StreamsClause } from './streams-query.ts'

/** An events.get naming any `:_audit:` stream is answered by the audit store. */
export function asksForAudit(clauses: StreamsClause[]): boolean {
  return queryStreamIds(clauses).some((id) => id.startsWith(auditPrefix))
}

/** A personal token reads any audit stream; an app or shared token only its own `:_audit:access-<id>`. */
function assertMayRead(caller: Caller, clauses: StreamsClause[]): void {
  if (caller.kind === 'personal') return
  const own = `${auditPrefix}access-${caller.access.id}`
  const refused = queryStreamIds(clauses).find((id) => id.startsWith(auditPrefix) && id !== own)
  if (refused !== undefined)
    throw new ApiError(
      403,
      'forbidden',
      `stream [${refused.slice(auditPrefix.length)}] has not sufficent permission to get events`,
    )
}

/**
 * events.get on the audit store, as the observed server (PostgreSQL audit
 * engine) answers it: once the token may ask, the streams filter is dropped,
 * so the answer is the whole account's audit log, whichever access or action
 * stream was asked for; time bounds, types, sort, skip and limit still apply.
 */
export function getAuditEvents(
  platform: Platform,
  caller: Caller,
  clauses: StreamsClause[],
  types: string[] | undefined,
  paging: Paging,
): Record<string, unknown> {
  assertMayRead(caller, clauses)
  const entries = auditLog(platform.state, caller.user.username).filter((entry) => typeMatches(types, entry.type))
  return { events: pageOf(entries, paging).map((entry) => structuredClone(entry)) }
}
