import { cmcRecords } from './cmc-records.ts'
import { emailRecords } from './email-records.ts'
import { ApiError, jsonAnswer } from './http.ts'
import type { User } from './model.ts'
import type { RequestContext, Route } from './router.ts'
import { accessOfToken } from './sessions.ts'
import { userNamed, type PlatformState } from './state.ts'
import { enumError, ParamsCheck } from './validation.ts'

/** Who may delete an account (`user-account.delete`): open-pryv.io allows the admin key only unless told otherwise. */
export const deletionAuthorizations = ['adminToken', 'personalToken'] as const
export type DeletionAuthorization = (typeof deletionAuthorizations)[number]

const unknownUser = (name: string) => new ApiError(404, 'unknown-resource', `Unknown user "${name}"`)

/** What the server's deletion removes: the account, its name and former names, sessions, accesses, audit, data. */
function eraseAccount(state: PlatformState, user: User): void {
  const username = user.username
  state.users.delete(username)
  for (const [alias, holder] of state.aliases) if (holder === user) state.aliases.delete(alias)
  // Sessions are removed by their username; rows left under a former name lead nowhere once the accesses are gone.
  for (const [token, session] of state.sessions) if (session.username === username) state.sessions.delete(token)
  for (const store of [state.audit, emailRecords(state).byUser, cmcRecords(state).events]) store.delete(username)
}

/**
 * DELETE /users/{username}, at the platform's root, in the server's order: the name is resolved first (an unknown one
 * is 404 whatever the token); then `user-account.delete`: without `personalToken` anything but the admin key (which
 * the demo has none of) is 404 "Unknown resource ", as if the route did not exist; with it, the account's own
 * personal token passes (even once its session ended: the server loads the access before checking the session, and
 * ignores that failure here), any other token or none is 403. The name is then looked up again as a username only, so
 * a former name (alias) is unknown there.
 */
function deleteUser({ platform, params, headers }: RequestContext) {
  const name = params.username ?? ''
  const user = userNamed(platform.state, name)
  if (!user) throw unknownUser(name)
  if (!platform.state.deletionPolicy.includes('personalToken'))
    throw new ApiError(404, 'unknown-resource', 'Unknown resource ')
  if (accessOfToken(user, headers.authorization)?.type !== 'personal')
    throw new ApiError(403, 'invalid-access-token', 'Cannot find access from token.')
  if (platform.state.users.get(name) !== user) throw unknownUser(name)
  eraseAccount(platform.state, user)
  return jsonAnswer(200, { userDeletion: { username: user.username } })
}

/** POST /_demo/account-deletion `{ allowed }`: the platform's `user-account.delete` (`/_demo/reset` puts it back). */
function setDeletionPolicy({ platform, body }: RequestContext) {
  const check = new ParamsCheck(body)
  const allowed = check.array('allowed', true) ?? []
  const known = (value: unknown): value is DeletionAuthorization =>
    (deletionAuthorizations as readonly unknown[]).includes(value)
  if (!allowed.every(known)) check.add(enumError('#/allowed', deletionAuthorizations))
  check.done()
  platform.state.deletionPolicy = allowed.filter(known)
  return jsonAnswer(200, { allowed: platform.state.deletionPolicy })
}

export const userDeletionRoutes: Route[] = [
  { method: 'DELETE', pattern: /^\/users\/(?<username>[^/]+)$/, meta: 'always', handle: deleteUser },
]

export const userDeletionControlRoutes: Route[] = [
  { method: 'POST', pattern: /^\/_demo\/account-deletion$/, meta: 'never', handle: setDeletionPolicy },
  {
    method: 'GET',
    pattern: /^\/_demo\/account-deletion$/,
    meta: 'never',
    handle: ({ platform }) => jsonAnswer(200, { allowed: platform.state.deletionPolicy }),
  },
]
