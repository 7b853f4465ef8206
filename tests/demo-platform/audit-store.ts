import type { ApiError } from './http.ts'
import { newId, nowSeconds } from './ids.ts'
import type { AuditEntry } from './model.ts'
import type { PlatformState } from './state.ts'

/** The audit store's stream prefix: `:_audit:access-<accessId>` and `:_audit:action-<methodId>` file each entry. */
export const auditPrefix = ':_audit:'

/** Pseudo access ids for calls made without a token (or with a bad one). */
export const auditPseudoAccess = { validPassword: 'valid-password', invalid: 'invalid' } as const

/** One call to file: who made it, which method, the URL query it came with. */
export interface AuditedFacts {
  accessId: string
  methodId: string
  query: Record<string, unknown>
  /** Epoch seconds; now by default (seeds give earlier ones). */
  time?: number
  /** Seeds give ids of their own, so a reset gives the same log. */
  id?: string
}

export function auditLog(state: PlatformState, username: string): AuditEntry[] {
  let log = state.audit.get(username)
  if (!log) {
    log = []
    state.audit.set(username, log)
  }
  return log
}

/** An entry as the audit store keeps it; a failed call's entry carries the error's id and message. */
export function auditEntry(facts: AuditedFacts, error?: Pick<ApiError, 'id' | 'message'>): AuditEntry {
  const time = facts.time ?? nowSeconds()
  return {
    id: facts.id ?? newId(),
    streamIds: [`${auditPrefix}access-${facts.accessId}`, `${auditPrefix}action-${facts.methodId}`],
    type: error ? 'audit-log/pryv-api-error' : 'audit-log/pryv-api',
    time,
    content: {
      action: facts.methodId,
      query: structuredClone(facts.query),
      source: { ip: '127.0.0.1', name: 'http' },
      ...(error ? { id: error.id, message: error.message } : {}),
    },
    created: time,
    createdBy: 'system',
    modified: time,
    modifiedBy: 'system',
  }
}

export function recordAudit(
  state: PlatformState,
  username: string,
  facts: AuditedFacts,
  error?: Pick<ApiError, 'id' | 'message'>,
): void {
  auditLog(state, username).push(auditEntry(facts, error))
}
