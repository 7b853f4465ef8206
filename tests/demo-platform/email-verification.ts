import { createHash, randomBytes } from 'node:crypto'
import { auditedCall } from './audit-calls.ts'
import { ApiError, jsonAnswer, type Answer } from './http.ts'
import { nowSeconds } from './ids.ts'
import type { User } from './model.ts'
import { emailRecords, emailsOf, type EmailItem } from './email-records.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser } from './sessions.ts'
import { userNamed, type Platform } from './state.ts'
import { assertTrustedApp, callerOrigin } from './trusted-apps.ts'
import { ParamsCheck } from './validation.ts'

/** `account.emailVerification.tokenMaxAgeMs`. */
export const verifyTokenLifetimeMs = 24 * 60 * 60 * 1000

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** Where verification mails link to: the app's verify-email page beside its auth page. */
function verifyPageUrl(platform: Platform): URL {
  return new URL('verify-email', platform.config.authPageUrl)
}

/**
 * A new 256-bit token for the address (any earlier one stops working), its
 * hash stored, the send time stamped, and the mail put in the outbox when
 * verification mail is on.
 */
export function sendVerification(platform: Platform, user: User, item: EmailItem): void {
  const token = randomBytes(32).toString('base64url')
  const now = Date.now()
  item.tokenHash = sha256Hex(token)
  item.tokenExpires = now + verifyTokenLifetimeMs
  item.sentAt = now
  const records = emailRecords(platform.state)
  if (!records.settings.mailEnabled) return
  const link = verifyPageUrl(platform)
  link.searchParams.set('verifyToken', token)
  records.outbox.push({ to: item.value, username: user.username, verifyLink: link.href })
}

// Unknown, expired, used or another account's token: one answer, so a caller learns nothing about which.
const invalidToken = () => new ApiError(401, 'invalid-access-token', 'The verification token is invalid or expired.')

/** POST /{username}/account/verify-email `{ appId, token }`, without a token: the mailed link proves the address. */
function verifyEmail({ platform, params, body, headers }: RequestContext): Answer {
  const check = new ParamsCheck(body)
  const appId = check.requiredString('appId')
  const token = check.requiredString('token')
  check.done()
  assertTrustedApp(platform.config, appId, callerOrigin(headers), false)
  const user = pathUser(platform, params.username ?? '')
  const hash = sha256Hex(token)
  const item = emailsOf(platform.state, user).find((candidate) => candidate.tokenHash === hash)
  if (!item || (item.tokenExpires ?? 0) <= Date.now()) throw invalidToken()
  item.tokenHash = null
  item.tokenExpires = null
  item.status = 'verified'
  item.verificationMethod = 'email-link'
  item.verifiedAt = nowSeconds()
  return jsonAnswer(200, { email: item.value })
}

/** Filed in the account's audit log under the platform's pseudo access (nothing is filed for an unknown account). */
function audited(context: RequestContext): Answer {
  const user = userNamed(context.platform.state, context.params.username ?? '')
  if (!user) return verifyEmail(context)
  const call = { methodId: 'account.verifyEmail', accessId: 'email-verification-token' }
  return auditedCall(context.platform, user, call, () => verifyEmail(context))
}

export const emailVerificationRoutes: Route[] = [
  { method: 'POST', pattern: /^\/(?<username>[^/]+)\/account\/verify-email$/, meta: 'always', handle: audited },
]
