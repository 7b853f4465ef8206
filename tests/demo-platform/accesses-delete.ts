import { grantsOf, isExpired, isLive } from './access-records.ts'
import { tellRequestersOfRevocations } from './cmc-revocation.ts'
import { ApiError } from './http.ts'
import { nowSeconds } from './ids.ts'
import type { MethodCall } from './method-call.ts'
import type { Access, StoredAccess, User } from './model.ts'
import { isStreamPermission } from './permissions.ts'
import type { Caller } from './sessions.ts'
import { ParamsCheck } from './validation.ts'
import { deleteWebhooksOf } from './webhooks.ts'

function selfRevokeForbidden(access: Access): boolean {
  return access.permissions.some(
    (permission) =>
      !isStreamPermission(permission) && permission.feature === 'selfRevoke' && permission.setting === 'forbidden',
  )
}

/** `AccessLogic.canDeleteAccess`: personal any; itself unless `selfRevoke` is forbidden; an app what it created. */
function mayDelete(caller: Caller, target: StoredAccess): boolean {
  if (caller.kind === 'personal') return true
  if (target.id === caller.access.id) return !selfRevokeForbidden(caller.access)
  if (caller.access.type === 'shared') return false
  return target.createdBy === caller.access.id
}

/** What goes with an app or shared access: the live, unexpired accesses it created. A personal access takes none. */
function relatedAccesses(user: User, target: StoredAccess): Access[] {
  if (target.type === 'personal') return []
  return grantsOf(user).filter(
    (access) => access.createdBy === target.id && access.id !== target.id && isLive(access) && !isExpired(access),
  )
}

/**
 * `accesses.delete`: the access, what it created and all their webhooks.
 * Deleting a personal access leaves its session running: its token is then
 * refused ("Cannot find access from token."), and the next login with that
 * app id while the session lives brings the same token back on a new row.
 * Deleted CMC data grants are told to their requesters.
 */
export function deleteAccess({ platform, caller, params }: MethodCall): Record<string, unknown> {
  const check = new ParamsCheck(params)
  const id = check.requiredString('id')
  check.done()
  const user = caller.user
  const target = user.accesses.find((candidate) => candidate.id === id && isLive(candidate))
  if (!target) throw new ApiError(404, 'unknown-resource', `Unknown access "${id}"`)
  if (!mayDelete(caller, target))
    throw new ApiError(403, 'forbidden', 'Your access token has insufficient permissions to delete this access.')
  const related = relatedAccesses(user, target)
  const deleted = [target, ...related]
  const now = nowSeconds()
  deleteWebhooksOf(
    user,
    deleted.map((access) => access.id),
    now,
  )
  for (const access of deleted) access.deleted = now
  tellRequestersOfRevocations(platform, user, deleted)
  const answer: Record<string, unknown> = { accessDeletion: { id: target.id } }
  if (related.length > 0) answer.relatedDeletions = related.map((access) => ({ id: access.id }))
  return answer
}
