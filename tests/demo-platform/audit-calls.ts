import { auditPseudoAccess, recordAudit } from './audit-store.ts'
import { ApiError } from './http.ts'
import type { User } from './model.ts'
import { urlQuery } from './query-params.ts'
import { accessOfToken } from './sessions.ts'
import type { Platform } from './state.ts'

/** A call on the user's API, as the audit files it. */
export interface CallToAudit {
  methodId: string
  /** The call's URL query; a batch call (or a body) leaves `{}` on record, as on the platform. */
  query?: URLSearchParams
  /** The token the call came with: its access files the entry, even when refused (an expired one, say). */
  token?: string
  /** A pseudo access for calls made without a token (`valid-password` for a login). */
  accessId?: string
  /** Where a failure is filed instead (a failed login is `invalid`). */
  failedAccessId?: string
}

/**
 * Runs one call and files it in the user's audit log, as the platform does
 * for every method on a known account: an `audit-log/pryv-api` entry when it
 * succeeds, an `audit-log/pryv-api-error` one (with the error) when it fails.
 */
export function auditedCall<T>(platform: Platform, user: User, call: CallToAudit, run: () => T): T {
  const query = call.query ? urlQuery(call.query) : {}
  // Read before the call: it may delete the very access that made it.
  const accessId = call.accessId ?? accessOfToken(user, call.token)?.id ?? auditPseudoAccess.invalid
  try {
    const result = run()
    recordAudit(platform.state, user.username, { accessId, methodId: call.methodId, query })
    return result
  } catch (err) {
    if (err instanceof ApiError) {
      const facts = { accessId: call.failedAccessId ?? accessId, methodId: call.methodId, query }
      recordAudit(platform.state, user.username, facts, err)
    }
    throw err
  }
}
