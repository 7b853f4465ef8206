import type { Connection, Service } from 'pryv'
import { AppError, toAppError, type PlatformErrorMap } from './appError'
import { callApi } from './callApi'

// Requested for a name that vanished meanwhile: answered like any other request, so it tells nothing.
const requestErrors: PlatformErrorMap = { 'unknown-user': 'unknown-user', 'unknown-resource': 'unknown-user' }
// Unknown accounts get the bad-token answer: the link and the account do not go together either way.
const resetErrors: PlatformErrorMap = {
  'invalid-access-token': 'invalid-reset-token',
  'unknown-user': 'invalid-reset-token',
  'unknown-resource': 'invalid-reset-token',
  'invalid-parameters-format': 'password-refused',
}
// Password rules break as `invalid-parameters-format` (length, character kinds) or `invalid-operation` (reuse, age).
const changeErrors: PlatformErrorMap = {
  'invalid-parameters-format': 'password-refused',
  'invalid-operation': 'password-refused',
}

function httpStatusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** POST {api}account/request-password-reset (pryv `requestPasswordReset`): the platform mails a reset link. */
export async function requestPasswordReset(service: Service, username: string, appId: string): Promise<void> {
  try {
    await service.requestPasswordReset(username, appId)
  } catch (err) {
    const error = toAppError(err, requestErrors)
    if (error.code === 'unknown-user') return
    // The platform answers 500 when it cannot send the mail: say that, not "the platform had a problem".
    throw httpStatusOf(err) === 500 ? new AppError('reset-mail-failed', error.details) : error
  }
}

/** POST {api}account/reset-password (pryv `resetPassword`): sets the new password with the mailed token. */
export async function resetPassword(
  service: Service,
  username: string,
  newPassword: string,
  resetToken: string,
  appId: string,
): Promise<void> {
  try {
    await service.resetPassword(username, newPassword, resetToken, appId)
  } catch (err) {
    const error = toAppError(err, resetErrors)
    // A malformed token is refused with the same id as a refused password: its field tells them apart.
    throw error.code === 'password-refused' && error.fields.resetToken
      ? new AppError('invalid-reset-token', error.details)
      : error
  }
}

/**
 * `account.changePassword` with the personal session; the platform checks the current password again. Its
 * refusal of that password shares the rules' error id, so its words tell it apart: the current field is wrong.
 */
export async function changePassword(connection: Connection, oldPassword: string, newPassword: string): Promise<void> {
  try {
    await callApi(connection, 'account.changePassword', { oldPassword, newPassword }, changeErrors)
  } catch (err) {
    const error = toAppError(err)
    throw error.code === 'password-refused' && /does not match/i.test(error.details[0] ?? '')
      ? new AppError('invalid-credentials')
      : error
  }
}
