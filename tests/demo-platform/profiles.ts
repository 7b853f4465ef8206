import { ApiError } from './http.ts'
import type { MethodCall } from './method-call.ts'
import { requirePersonal } from './sessions.ts'
import { ParamsCheck } from './validation.ts'

/**
 * `profile.get` (GET /{username}/profile/{id}, or in a batch), personal token only (contract 1.2): `private` holds the
 * fields the person stored and, while MFA is on, its phone and, in clear as the platform stores them, the recovery
 * codes; `public` its public fields. The `app` profile belongs to app tokens.
 */
export function getProfile({ caller, params }: MethodCall): Record<string, unknown> {
  const check = new ParamsCheck(params)
  const id = check.requiredString('id')
  check.done()
  requirePersonal(caller)
  const user = caller.user
  if (id === 'public') return { profile: structuredClone(user.profile?.public ?? {}) }
  if (id === 'app') throw new ApiError(400, 'invalid-operation', 'This resource is only available to app accesses.')
  if (id !== 'private') throw new ApiError(404, 'unknown-resource', `Unknown profile "${id}"`, { id })
  const { active, content, recoveryCodes } = user.mfa
  const mfa = active ? { mfa: { content: { ...content }, recoveryCodes: [...recoveryCodes] } } : {}
  return { profile: { ...structuredClone(user.profile?.private ?? {}), ...mfa } }
}
