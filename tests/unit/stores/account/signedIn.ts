import type { Connection } from 'pryv'
import type { Service } from '@/services/platform'
import { useAccountSessionStore } from '@/stores/account/accountSession'
import { useAuthSessionStore } from '@/stores/authSession'
import { freshPlatform } from '../freshPlatform'

/**
 * Signed in to the account area as alice, on a platform already trusted (`service`): the session's own calls are
 * the real `call`, reaching whatever the test stubbed with alice's connection.
 */
export function signedIn(service = {} as Service) {
  freshPlatform(service)
  const connection = { endpoint: 'https://api.example.com/alice/', token: 'personal-token' } as Connection
  const authSession = useAuthSessionStore()
  authSession.session = { username: 'alice', connection }
  const session = useAccountSessionStore()
  session.own = { id: 'p-web', appId: 'pryv-app-web-auth-3', username: 'alice' }
  return { session, authSession, connection }
}
