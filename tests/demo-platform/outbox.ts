import { emailRecords } from './email-records.ts'
import { jsonAnswer } from './http.ts'
import type { RequestContext, Route } from './router.ts'
import { ParamsCheck } from './validation.ts'

/** POST /_demo/email-verification `{ resendCooldownMs?, mailEnabled? }`: the platform's verification settings, until the next reset. */
function changeSettings({ platform, body }: RequestContext) {
  const check = new ParamsCheck(body)
  const resendCooldownMs = check.number('resendCooldownMs')
  const mailEnabled = check.boolean('mailEnabled')
  check.done()
  const { settings } = emailRecords(platform.state)
  if (resendCooldownMs !== undefined) settings.resendCooldownMs = Math.max(0, resendCooldownMs)
  if (mailEnabled !== undefined) settings.mailEnabled = mailEnabled
  return jsonAnswer(200, settings)
}

function route(method: string, pattern: RegExp, handle: Route['handle']): Route {
  return { method, pattern, meta: 'never', handle }
}

/**
 * Test tooling only: the verification mails sent (`{ to, username, verifyLink }`, oldest first), the one place
 * a verification token can be read, as a mail catcher would show it; never part of an API answer.
 */
export const outboxControlRoutes: Route[] = [
  route('GET', /^\/_demo\/email-outbox$/, ({ platform }) => jsonAnswer(200, emailRecords(platform.state).outbox)),
  route('GET', /^\/_demo\/email-verification$/, ({ platform }) =>
    jsonAnswer(200, emailRecords(platform.state).settings),
  ),
  route('POST', /^\/_demo\/email-verification$/, changeSettings),
]
