import type { Connection, Service } from 'pryv'
import { AppError, toAppError, type PlatformErrorMap } from './appError'
import { callApi } from './callApi'
import { requestJson, withAppErrors } from './http'
import { loadPryv } from './pryvLibrary'
import { isEmail, usernameForEmail } from './users'

/** A signed-in user's personal session: its token lives in this object only, in memory. */
export interface Session {
  username: string
  connection: Connection
}

export type SignInResult =
  { kind: 'signed-in'; session: Session } | { kind: 'mfa-required'; username: string; mfaToken: string }

const mfaErrors: PlatformErrorMap = {
  'invalid-operation': 'invalid-mfa-code',
  'invalid-access-token': 'mfa-expired',
  forbidden: 'mfa-expired',
}
const recoveryErrors: PlatformErrorMap = {
  'invalid-parameters-format': 'invalid-recovery-code',
  'invalid-operation': 'mfa-not-active',
}

/** The username to sign in with: an e-mail is resolved (pryv `userIdForEmail`), a username passes as it is. */
export async function resolveUsername(service: Service, login: string): Promise<string> {
  const trimmed = login.trim()
  if (!isEmail(trimmed)) return trimmed.toLowerCase()
  const username = await usernameForEmail(service, trimmed)
  // Same answer as a wrong password: the sign-in form must not tell which e-mails have an account.
  if (!username) throw new AppError('invalid-credentials')
  return username
}

// The one operation a login refuses: a former username (an alias of its account since it was changed) in the body.
const loginErrors: PlatformErrorMap = { 'invalid-operation': 'username-changed' }

/** POST {api}auth/login (pryv `Service.login`); an MFA requirement is a result, not an error. */
export async function signIn(
  service: Service,
  username: string,
  password: string,
  appId: string,
): Promise<SignInResult> {
  try {
    const connection = await service.login(username, password, appId)
    return { kind: 'signed-in', session: { username, connection } }
  } catch (err) {
    const { MfaRequiredError } = await loadPryv()
    if (err instanceof MfaRequiredError) return { kind: 'mfa-required', username, mfaToken: err.mfaToken }
    throw toAppError(err, loginErrors)
  }
}

/** POST {api}mfa/challenge (pryv `Service.mfaChallenge`): sends a new code. */
export async function resendMfaCode(service: Service, username: string, mfaToken: string): Promise<void> {
  await withAppErrors(() => service.mfaChallenge(username, mfaToken), mfaErrors)
}

/** POST {api}mfa/verify (pryv `Service.mfaVerify`): the code opens the personal session. */
export async function verifyMfaCode(
  service: Service,
  username: string,
  mfaToken: string,
  code: string,
): Promise<Session> {
  return {
    username,
    connection: await withAppErrors(() => service.mfaVerify(username, mfaToken, code.trim()), mfaErrors),
  }
}

/** POST {api}mfa/recover (hand-written: `pryv` has no call for it); switches MFA off for the account. */
export async function recoverMfa(
  service: Service,
  username: string,
  password: string,
  recoveryCode: string,
): Promise<void> {
  const url = (await withAppErrors(() => service.apiEndpointFor(username))) + 'mfa/recover'
  await requestJson(url, { body: { username, password, recoveryCode: recoveryCode.trim() } }, recoveryErrors)
}

/** POST {api}auth/logout (`auth.logout`): ends the personal session. */
export async function signOut(session: Session): Promise<void> {
  await callApi(session.connection, 'auth.logout', {})
}
