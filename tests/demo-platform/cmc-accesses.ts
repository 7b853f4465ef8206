import { accessView, isLive } from './access-records.ts'
import type { MethodCall } from './method-call.ts'

/** `accesses.get`: a personal token lists every live access, an app token the ones it made; each with its apiEndpoint. */
export function getAccesses({ platform, caller }: MethodCall): Record<string, unknown> {
  const user = caller.user
  const listed = user.accesses.filter(
    (access) => isLive(access) && (caller.kind === 'personal' || access.createdBy === caller.access.id),
  )
  return { accesses: listed.map((access) => accessView(access, platform.config, user.username)) }
}
