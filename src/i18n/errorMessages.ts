import type { AppErrorCode, CmcErrorCode } from '@/services/appError'

/** One message per error code but the CMC pages' ones: a code without a message fails to compile. */
export const errorMessageKeys: Record<Exclude<AppErrorCode, CmcErrorCode>, string> = {
  'invalid-credentials': 'error.invalidCredentials',
  'username-changed': 'error.usernameChanged',
  'untrusted-app': 'error.untrustedApp',
  'invalid-mfa-code': 'error.invalidMfaCode',
  'mfa-expired': 'error.mfaExpired',
  'invalid-recovery-code': 'error.invalidRecoveryCode',
  'mfa-not-active': 'error.mfaNotActive',
  'unknown-access-key': 'error.unknownAccessKey',
  'missing-poll-url': 'error.missingPollUrl',
  'invalid-request': 'error.invalidRequest',
  'session-expired': 'error.sessionExpired',
  forbidden: 'error.forbidden',
  'invalid-fields': 'error.invalidFields',
  'unknown-user': 'error.unknownUser',
  // Only the register and reset pages meet these: their messages come with those pages' own.
  'account-exists': 'register.error.accountExists',
  'invalid-reset-token': 'resetPassword.error.invalidToken',
  'reset-mail-failed': 'resetPassword.error.mailFailed',
  'password-refused': 'error.passwordRefused',
  // Only the OAuth consent page meets these: their messages come with the account pages' ones.
  'consent-expired': 'oauthConsent.error.expired',
  'consent-invalid': 'oauthConsent.error.invalid',
  'consent-choice-refused': 'oauthConsent.error.choiceRefused',
  // Only the account area's "Your data" section meets it: its message comes with that section's.
  'deletion-refused': 'accountArea.deletion.refused.error',
  unsupported: 'error.unsupported',
  server: 'error.server',
  network: 'error.network',
  'unexpected-answer': 'error.unexpectedAnswer',
  unknown: 'error.unknown',
}

/**
 * The message key of any error code. The CMC pages' codes follow one rule instead of a list, so the
 * auth popup's first load does not carry them: `cmc-capability-consumed` -> `cmc.error.capabilityConsumed`.
 */
export function errorMessageKey(code: AppErrorCode): string {
  if (!code.startsWith('cmc-')) return errorMessageKeys[code as Exclude<AppErrorCode, CmcErrorCode>]
  return `cmc.error.${code.slice(4).replace(/-([a-z])/g, (_dash, letter: string) => letter.toUpperCase())}`
}
