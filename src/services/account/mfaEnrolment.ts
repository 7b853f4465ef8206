import type { Connection } from 'pryv'
import { AppError, type PlatformErrorMap } from '@/services/appError'
import { answerError, requestJson, sendJson, type JsonAnswer } from '@/services/http'
import { asRecord, textOf } from '@/services/json'
import { maskedPhone } from './phoneNumber'
import { recoveryCodesOf } from './recoveryCodes'

/** The account's two-factor state: off, or on with the phone shown masked (the number itself is not kept). */
export type MfaStatus = { on: false } | { on: true; phoneHint: string }

/** mfa/activate's outcome: a code is on its way, or the platform does not offer two-factor (503 `api-unavailable`). */
export type EnrolmentStart = { kind: 'code-sent'; mfaToken: string } | { kind: 'unavailable' }

const unavailableStatus = 503
// A wrong code comes with the SMS provider's text: our words replace it (the alert shows no details).
const codeErrors: PlatformErrorMap = { 'invalid-operation': 'invalid-mfa-code', 'invalid-access-token': 'mfa-expired' }

function urlOf(connection: Connection, path: string): string {
  return connection.endpoint + path
}

function personalToken(connection: Connection): string {
  return connection.token ?? ''
}

function isUnavailable(answer: JsonAnswer): boolean {
  return answer.status === unavailableStatus && asRecord(asRecord(answer.body)?.error)?.id === 'api-unavailable'
}

/** A failure of a call made with the mfaToken, in our words only. */
function codeError(answer: JsonAnswer): AppError {
  const { code } = answerError(answer, codeErrors)
  return new AppError(code)
}

/**
 * GET profile/private: whether two-factor is on, and the phone's last digits. The stored recovery codes the
 * answer carries in clear are not read: they are dropped with the answer.
 */
export async function readMfaStatus(connection: Connection): Promise<MfaStatus> {
  const body = await requestJson(urlOf(connection, 'profile/private'), { authorization: personalToken(connection) })
  const mfa = asRecord(asRecord(asRecord(body)?.profile)?.mfa)
  if (!mfa) return { on: false }
  // Stryker disable next-line StringLiteral: equivalent, any text without digits masks as no phone does
  return { on: true, phoneHint: maskedPhone(textOf(asRecord(mfa.content)?.phone) ?? '') }
}

/**
 * POST mfa/activate with the phone: the platform sends a code by SMS and answers 302 with `{ mfaToken }` in its
 * body and no Location. `fetch`'s default `redirect: 'follow'` hands that 302 over as it is, body readable;
 * `redirect: 'manual'` would give an opaque answer in browsers and lose the token, so the body is read, not `ok`.
 */
export async function startMfaEnrolment(connection: Connection, phone: string): Promise<EnrolmentStart> {
  const answer = await sendJson(urlOf(connection, 'mfa/activate'), {
    body: { phone },
    authorization: personalToken(connection),
  })
  const mfaToken = textOf(asRecord(answer.body)?.mfaToken)
  if (mfaToken) return { kind: 'code-sent', mfaToken }
  if (isUnavailable(answer)) return { kind: 'unavailable' }
  throw answer.status < 400 ? new AppError('unexpected-answer') : answerError(answer)
}

/** POST mfa/challenge with the mfaToken: a new code replaces the one sent. */
export async function resendEnrolmentCode(connection: Connection, mfaToken: string): Promise<void> {
  const answer = await sendJson(urlOf(connection, 'mfa/challenge'), { body: {}, authorization: mfaToken })
  if (!answer.ok) throw codeError(answer)
}

/** POST mfa/confirm with the mfaToken and the SMS code: two-factor is on; its ten recovery codes, to show once. */
export async function confirmMfaEnrolment(connection: Connection, mfaToken: string, code: string): Promise<string[]> {
  const answer = await sendJson(urlOf(connection, 'mfa/confirm'), {
    body: { code: code.trim() },
    authorization: mfaToken,
  })
  if (!answer.ok) throw codeError(answer)
  const codes = recoveryCodesOf(answer.body)
  if (!codes) throw new AppError('unexpected-answer')
  return codes
}

/** POST mfa/deactivate with the personal token: two-factor is off (the page asked for the password first). */
export async function deactivateMfa(connection: Connection): Promise<void> {
  await requestJson(urlOf(connection, 'mfa/deactivate'), { body: {}, authorization: personalToken(connection) })
}
