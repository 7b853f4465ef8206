import { AppError, type AppErrorCode } from '@/services/appError'
import type { CmcTrigger } from './cmcTrigger'
import { asRecord, textOf } from '@/services/json'

/** The platform's `failure.reason` of a failed CMC trigger, by what it means to the person. */
const reasonCodes: Readonly<Record<string, AppErrorCode>> = {
  'cmc-capability-invalid': 'cmc-capability-invalid',
  'cmc-capability-timeout': 'cmc-capability-timeout',
  'cmc-capability-empty': 'cmc-capability-empty',
  'cmc-handler-offer-read-failed': 'cmc-offer-read-failed',
  'cmc-handler-delivery-rejected': 'cmc-delivery-rejected',
  'cmc-handler-delivery-failed': 'cmc-delivery-failed',
  'cmc-granted-permissions-not-subset': 'cmc-granted-not-subset',
  'cmc-consent-user-choice-not-allowed': 'cmc-choice-not-allowed',
  'cmc-mandatory-permission-refused': 'cmc-mandatory-refused',
  'cmc-insufficient-permissions': 'cmc-insufficient-permissions',
  'cmc-handler-data-grant-name-conflict': 'cmc-access-name-taken',
  'cmc-offer-invalid-permissions': 'cmc-offer-invalid-permissions',
  'cmc-offer-invalid-access-type': 'cmc-offer-invalid-access-type',
  'cmc-scope-update-local-apply-failed': 'cmc-scope-apply-failed',
  'cmc-system-counterparty-access-not-found': 'cmc-grant-not-found',
  'cmc-system-no-remote-apiendpoint': 'cmc-no-remote-endpoint',
  'cmc-system-stream-not-collector': 'cmc-not-collector-stream',
  // Reasons of newer servers, for the scope-update page.
  'cmc-scope-request-not-found': 'cmc-scope-request-not-found',
  'cmc-scope-request-expired': 'cmc-scope-request-expired',
  'cmc-scope-request-already-answered': 'cmc-scope-request-answered',
}

/** Why the requester's platform rejected the delivery (`detail.body.error.data.id`). */
const rejectionCodes: Readonly<Record<string, AppErrorCode>> = {
  'cmc-capability-consumed': 'cmc-capability-consumed',
  'cmc-capability-invalidated': 'cmc-capability-invalidated',
  'cmc-capability-already-accepted-by-you': 'cmc-already-accepted',
}

function ownValue(map: Readonly<Record<string, AppErrorCode>>, key: string | undefined): AppErrorCode | undefined {
  return key !== undefined && Object.hasOwn(map, key) ? map[key] : undefined
}

/** The AppError of a failed trigger (`content.failure = {reason, detail}`), with the platform's words kept as details. */
export function cmcTriggerError(trigger: CmcTrigger): AppError {
  const failure = asRecord(trigger.content.failure)
  const reason = textOf(failure?.reason)
  const remoteError = asRecord(asRecord(asRecord(failure?.detail)?.body)?.error)
  const rejection = textOf(asRecord(remoteError?.data)?.id) ?? textOf(remoteError?.id)
  const code =
    (reason === 'cmc-handler-delivery-rejected' ? ownValue(rejectionCodes, rejection) : undefined) ??
    ownValue(reasonCodes, reason) ??
    'cmc-trigger-failed'
  const words = [reason, textOf(remoteError?.message)].filter((text): text is string => text !== undefined)
  return new AppError(
    code,
    words.map((text) => text.slice(0, 300)),
  )
}
