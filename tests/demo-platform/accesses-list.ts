import { accessView, isExpired, isLive } from './access-records.ts'
import type { MethodCall } from './method-call.ts'
import { methodRefused } from './sessions.ts'
import { ParamsCheck } from './validation.ts'

/**
 * `accesses.get`: a personal token lists every access (personal ones too),
 * an app token those it created; a shared token may not list. Expired ones
 * only with `includeExpired`; `includeDeletions` adds `accessDeletions`.
 * Every row carries its token and a token-bearing `apiEndpoint`, deleted
 * ones included, as on the platform.
 */
export function getAccesses({ platform, caller, params }: MethodCall): Record<string, unknown> {
  if (caller.kind === 'app' && caller.access.type === 'shared') throw methodRefused('accesses.get')
  const check = new ParamsCheck(params)
  const includeExpired = check.boolean('includeExpired') ?? false
  const includeDeletions = check.boolean('includeDeletions') ?? false
  check.done()
  const user = caller.user
  const visible = user.accesses.filter((access) => caller.kind === 'personal' || access.createdBy === caller.access.id)
  const accesses = visible
    .filter((access) => isLive(access) && (includeExpired || !isExpired(access)))
    .map((access) => accessView(access, platform.config, user.username))
  if (!includeDeletions) return { accesses }
  const accessDeletions = visible
    .filter((access) => !isLive(access))
    .map((access) => ({ ...accessView(access, platform.config, user.username), deleted: access.deleted }))
  return { accesses, accessDeletions }
}
