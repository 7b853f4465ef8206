import { auditedCall } from './audit-calls.ts'
import { assertPathUsername } from './credentials.ts'
import { ApiError, jsonAnswer, type Answer } from './http.ts'
import { newId } from './ids.ts'
import type { MethodCall } from './method-call.ts'
import type { User } from './model.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser, requirePersonal } from './sessions.ts'
import { userNamed, type Platform } from './state.ts'
import { assertTrustedApp, callerOrigin } from './trusted-apps.ts'
import { invalidParameters, ParamsCheck } from './validation.ts'

const resetTokenLifetimeMs = 60 * 60 * 1000

/** The platform's password rule; its message states the rule, as real platforms do. */
function assertPasswordRule(field: string, password: string): void {
  if (password.length >= 6 && password.length <= 100) return
  const message = 'The password must be between 6 and 100 characters long.'
  throw invalidParameters([{ code: 'password-invalid', message, param: field, path: `#/${field}` }], message)
}

function mailResetLink(platform: Platform, user: User): void {
  const { username } = user
  const resetToken = newId()
  platform.state.resetTokens.set(resetToken, { username, expires: Date.now() + resetTokenLifetimeMs, used: false })
  const url = new URL(platform.config.passwordResetPageUrl)
  url.searchParams.set('resetToken', resetToken)
  platform.state.mails.push({ username, email: user.email, resetToken, url: url.href, time: Date.now() })
}

/** POST /{username}/account/request-password-reset: like every `/{username}/` route, 404 `unknown-resource` for an unknown account. */
function requestPasswordReset({ platform, params, body, headers }: RequestContext) {
  const check = new ParamsCheck(body)
  const appId = check.requiredString('appId')
  const username = check.requiredString('username')
  check.done()
  assertTrustedApp(platform.config, appId, callerOrigin(headers), false)
  const user = pathUser(platform, params.username ?? '')
  assertPathUsername(platform.state, user.username, username)
  mailResetLink(platform, user)
  return jsonAnswer(200, {})
}

/** POST /{username}/account/reset-password: a reset token works once, within an hour. */
function resetPassword({ platform, params, body, headers }: RequestContext) {
  const check = new ParamsCheck(body)
  const appId = check.requiredString('appId')
  const username = check.requiredString('username')
  const newPassword = check.requiredString('newPassword')
  const resetToken = check.requiredString('resetToken')
  check.done()
  assertTrustedApp(platform.config, appId, callerOrigin(headers), false)
  assertPathUsername(platform.state, params.username ?? '', username)
  assertPasswordRule('newPassword', newPassword)
  const token = platform.state.resetTokens.get(resetToken)
  const user = userNamed(platform.state, params.username ?? '')
  if (!token || token.used || token.expires < Date.now() || !user || token.username !== user.username) {
    throw new ApiError(401, 'invalid-access-token', 'The reset token is invalid or expired')
  }
  token.used = true
  user.password = newPassword
  return jsonAnswer(200, {})
}

/** `account.changePassword`: with a personal token and the current password. */
export function changePassword({ caller, params }: MethodCall): Record<string, unknown> {
  requirePersonal(caller)
  const check = new ParamsCheck(params)
  const oldPassword = check.requiredString('oldPassword')
  const newPassword = check.requiredString('newPassword')
  check.done()
  assertPasswordRule('newPassword', newPassword)
  if (oldPassword !== caller.user.password)
    throw new ApiError(400, 'invalid-operation', 'The given password does not match.')
  caller.user.password = newPassword
  return {}
}

/** A reset route filed in the account's audit log under its pseudo access (nothing is filed for an unknown account). */
function audited(methodId: string, accessId: string, handle: (context: RequestContext) => Answer): Route['handle'] {
  return (context) => {
    const user = userNamed(context.platform.state, context.params.username ?? '')
    return user ? auditedCall(context.platform, user, { methodId, accessId }, () => handle(context)) : handle(context)
  }
}

export const passwordRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/(?<username>[^/]+)\/account\/request-password-reset$/,
    meta: 'always',
    handle: audited('account.requestPasswordReset', 'password-reset-request', requestPasswordReset),
  },
  {
    method: 'POST',
    pattern: /^\/(?<username>[^/]+)\/account\/reset-password$/,
    meta: 'always',
    handle: audited('account.resetPassword', 'password-reset-token', resetPassword),
  },
]
