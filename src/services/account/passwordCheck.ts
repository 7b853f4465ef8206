import type { Service } from 'pryv'
import { signIn, type Session } from '@/services/signIn'

/**
 * The account's password asked again before a sensitive change, checked by a sign-in (POST auth/login) with the
 * page's own app id: a wrong one throws `invalid-credentials`. With two-factor on the platform answers an mfaToken
 * (and texts a code nobody needs): the password was right all the same, so either result passes. The session the
 * sign-in gives is returned for the caller to go on with: usually the one it has, but after a username change the
 * platform opens a new one and ends the old.
 */
export async function checkPassword(
  service: Service,
  username: string,
  password: string,
  appId: string,
): Promise<Session | null> {
  const result = await signIn(service, username, password, appId)
  return result.kind === 'signed-in' ? result.session : null
}
