import type { Service } from 'pryv'
import { AppError } from './appError'
import { withAppErrors } from './http'
import { parseHttpUrl } from './safeUrl'

/** True when the text is meant as an e-mail address rather than a username (usernames have no "@"). */
export function isEmail(login: string): boolean {
  return login.includes('@')
}

/** GET {register}{email}/uid (pryv `userIdForEmail`): the username behind an e-mail, null when none. */
export async function usernameForEmail(service: Service, email: string): Promise<string | null> {
  return (await withAppErrors(() => service.userIdForEmail(email))) || null
}

/**
 * The account a username or an e-mail names, or null when there is none:
 * `userIdForEmail` for an e-mail, POST {register}{username}/server (pryv `userExists`) for a username.
 */
export async function findUsername(service: Service, login: string): Promise<string | null> {
  const trimmed = login.trim()
  return isEmail(trimmed) ? usernameForEmail(service, trimmed) : existingUsername(service, trimmed)
}

/**
 * The account of a username (POST {register}{username}/server, pryv `userExists`), null when none. Text with an "@"
 * is no username and is not looked up: usernames are public on Pryv, e-mail addresses are not.
 */
export async function existingUsername(service: Service, login: string): Promise<string | null> {
  const username = login.trim().toLowerCase()
  if (isEmail(username)) return null
  return (await withAppErrors(() => service.userExists(username))) ? username : null
}

/** The user's API endpoint without a token (pryv `apiEndpointFor`): the account's home on the platform. */
export async function userHomeUrl(service: Service, username: string): Promise<URL> {
  const url = parseHttpUrl(await withAppErrors(() => service.apiEndpointFor(username)))
  if (!url) throw new AppError('unexpected-answer')
  return url
}
