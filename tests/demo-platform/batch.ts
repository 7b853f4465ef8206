import { findApiMethod } from './api-methods.ts'
import { auditedCall } from './audit-calls.ts'
import { authenticateCaller } from './cmc-capability.ts'
import { ApiError, isRecord, jsonAnswer } from './http.ts'
import type { RequestContext, Route } from './router.ts'
import { pathUser, type Caller } from './sessions.ts'
import { invalidParameters, typeError, type ParamError } from './validation.ts'

interface BatchCall {
  method: string
  params: unknown
}

function parseCalls(body: unknown): BatchCall[] {
  if (!Array.isArray(body)) throw invalidParameters([typeError('#/', 'array')])
  const errors: ParamError[] = []
  body.forEach((call: unknown, index) => {
    if (!isRecord(call)) errors.push(typeError(`#/${index}`, 'object'))
    else if (typeof call.method !== 'string') errors.push(typeError(`#/${index}/method`, 'string'))
  })
  if (errors.length > 0) throw invalidParameters(errors)
  return body as BatchCall[]
}

/** One call of the batch, filed in the audit log on its own (with no query: its parameters came in the body). */
function runCall(context: RequestContext, caller: Caller, call: BatchCall): unknown {
  const handler = findApiMethod(call.method)
  if (!handler) return { error: { id: 'invalid-method', message: `Invalid method id "${call.method}"` } }
  const audited = { methodId: call.method, token: context.headers.authorization }
  try {
    return auditedCall(context.platform, caller.user, audited, () =>
      handler({ platform: context.platform, caller, params: call.params }),
    )
  } catch (err) {
    if (err instanceof ApiError) return { error: err.toBody() }
    throw err
  }
}

/** POST /{username}/: what `pryv`'s `Connection.api`/`apiOne` call; a bad token fails the whole batch. The batch itself is filed as `callBatch`, after its calls. */
function batch(context: RequestContext) {
  const { platform, headers } = context
  const user = pathUser(platform, context.params.username ?? '')
  return auditedCall(platform, user, { methodId: 'callBatch', token: headers.authorization }, () => {
    const caller = authenticateCaller(platform, user, headers.authorization)
    const calls = parseCalls(context.body)
    return jsonAnswer(200, { results: calls.map((call) => runCall(context, caller, call)) })
  })
}

export const batchRoutes: Route[] = [
  { method: 'POST', pattern: /^\/(?<username>[^/]+)\/$/, meta: 'always', handle: batch },
]
