import type { Service } from 'pryv'
import { signIn } from '@/services/signIn'

/**
 * The account's password asked again before a sensitive change, checked by a sign-in (POST auth/login) with the
 * page's own app id: a wrong one throws `invalid-credentials`. With two-factor on the platform answers an mfaToken
 * (and texts a code nobody needs): the password was right all the same, so either result passes.
 */
export async function checkPassword(
  service: Service,
  username: string,
  password: string,
  appId: string,
): Promise<void> {
  await signIn(service, username, password, appId)
}
