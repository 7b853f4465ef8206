import { ApiError } from './http.ts'
import { newId, nowSeconds } from './ids.ts'
import type { MethodCall } from './method-call.ts'
import type { User, Webhook } from './model.ts'
import { methodRefused } from './sessions.ts'
import { ParamsCheck } from './validation.ts'

/** A webhook as the API shows it (`deleted` is only for the control API's state). */
export function webhookView(webhook: Webhook): Record<string, unknown> {
  const view: Record<string, unknown> = { ...structuredClone(webhook) }
  delete view.deleted
  return view
}

function isHttpUrl(text: string): boolean {
  return URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol)
}

/** `webhooks.create`: an app or shared access registers a URL (once per URL); a personal token may not. */
export function createWebhook({ caller, params }: MethodCall): Record<string, unknown> {
  if (caller.kind === 'personal') throw methodRefused('webhooks.create')
  const check = new ParamsCheck(params)
  const url = check.requiredString('url', { minLength: 1 })
  if (url !== '' && !isHttpUrl(url)) check.add({ code: 'FORMAT', message: 'must be an http(s) URL', path: '#/url' })
  check.done()
  const accessId = caller.access.id
  const user = caller.user
  if (liveWebhooks(user).some((webhook) => webhook.accessId === accessId && webhook.url === url))
    throw new ApiError(409, 'item-already-exists', `A webhook with url "${url}" already exists`, { url })
  const now = nowSeconds()
  const webhook: Webhook = {
    id: newId(),
    accessId,
    url,
    state: 'active',
    runCount: 0,
    failCount: 0,
    lastRun: { status: 0, timestamp: 0 },
    runs: [],
    created: now,
    createdBy: accessId,
    modified: now,
    modifiedBy: accessId,
  }
  user.webhooks.push(webhook)
  return { webhook: webhookView(webhook) }
}

function liveWebhooks(user: User): Webhook[] {
  return user.webhooks.filter((webhook) => webhook.deleted === undefined)
}

/** `webhooks.get`: a personal token sees every webhook, an app or shared token those it created. */
export function getWebhooks({ caller, params }: MethodCall): Record<string, unknown> {
  new ParamsCheck(params).done()
  const listed = liveWebhooks(caller.user).filter(
    (webhook) => caller.kind === 'personal' || webhook.accessId === caller.access.id,
  )
  return { webhooks: listed.map(webhookView) }
}

/** What deleting accesses does to their webhooks: every one of them goes too. */
export function deleteWebhooksOf(user: User, accessIds: string[], deleted: number): void {
  for (const webhook of liveWebhooks(user)) if (accessIds.includes(webhook.accessId)) webhook.deleted = deleted
}
