import { ApiError } from './http.ts'
import type { User } from './model.ts'
import type { Platform } from './state.ts'

/** The account whose password this is; an unknown user and a wrong password get the same error. */
export function checkCredentials(platform: Platform, username: string, password: string): User {
  const user = platform.state.users.get(username)
  if (!user || user.password !== password)
    throw new ApiError(401, 'invalid-credentials', 'The given username/password pair is invalid.')
  return user
}

/** The username in the body must name the account of the path. */
export function assertPathUsername(pathUsername: string, given: string): void {
  if (given.toLowerCase() !== pathUsername) {
    throw new ApiError(400, 'invalid-operation', 'The username in the path does not match that of the credentials.')
  }
}
