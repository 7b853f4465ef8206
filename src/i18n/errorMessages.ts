import type { AppErrorCode } from '@/services/appError'

/** One message per error code: a code without a message fails to compile. */
export const errorMessageKeys: Record<AppErrorCode, string> = {
  'invalid-credentials': 'error.invalidCredentials',
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
  'account-exists': 'error.accountExists',
  'unknown-user': 'error.unknownUser',
  'invalid-reset-token': 'error.invalidResetToken',
  'reset-mail-failed': 'error.resetMailFailed',
  'password-refused': 'error.passwordRefused',
  // Only the OAuth consent page meets these: their messages come with the account pages' ones.
  'consent-expired': 'oauthConsent.error.expired',
  'consent-invalid': 'oauthConsent.error.invalid',
  'consent-choice-refused': 'oauthConsent.error.choiceRefused',
  unsupported: 'error.unsupported',
  server: 'error.server',
  network: 'error.network',
  'unexpected-answer': 'error.unexpectedAnswer',
  unknown: 'error.unknown',
}
