import { ApiError } from './http.ts'
import type { User } from './model.ts'
import { userNamed, type Platform, type PlatformState } from './state.ts'

/** The account whose password this is; an unknown user and a wrong password get the same error. */
export function checkCredentials(platform: Platform, username: string, password: string): User {
  const user = platform.state.users.get(username)
  if (!user || user.password !== password)
    throw new ApiError(401, 'invalid-credentials', 'The given username/password pair is invalid.')
  return user
}

/** The username in the body must be the current name of the account the path leads to (a name it had before leads there too). */
export function assertPathUsername(state: PlatformState, pathName: string, given: string): void {
  if (given.toLowerCase() !== (userNamed(state, pathName)?.username ?? pathName)) {
    throw new ApiError(400, 'invalid-operation', 'The username in the path does not match that of the credentials.')
  }
}
