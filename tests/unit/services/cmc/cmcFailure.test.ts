import { describe, expect, it } from 'vitest'
import { cmcTriggerError } from '@/services/cmc/cmcFailure'

function failed(failure: unknown) {
  return cmcTriggerError({ id: 'trigger-1', status: 'failed', content: { failure } })
}

describe('cmcTriggerError', () => {
  it.each([
    ['cmc-capability-invalid', 'cmc-capability-invalid'],
    ['cmc-capability-timeout', 'cmc-capability-timeout'],
    ['cmc-capability-empty', 'cmc-capability-empty'],
    ['cmc-handler-offer-read-failed', 'cmc-offer-read-failed'],
    ['cmc-handler-delivery-failed', 'cmc-delivery-failed'],
    ['cmc-granted-permissions-not-subset', 'cmc-granted-not-subset'],
    ['cmc-consent-user-choice-not-allowed', 'cmc-choice-not-allowed'],
    ['cmc-mandatory-permission-refused', 'cmc-mandatory-refused'],
    ['cmc-insufficient-permissions', 'cmc-insufficient-permissions'],
    ['cmc-handler-data-grant-name-conflict', 'cmc-access-name-taken'],
    ['cmc-offer-invalid-permissions', 'cmc-offer-invalid-permissions'],
    ['cmc-offer-invalid-access-type', 'cmc-offer-invalid-access-type'],
    ['cmc-scope-update-local-apply-failed', 'cmc-scope-apply-failed'],
    ['cmc-system-counterparty-access-not-found', 'cmc-grant-not-found'],
    ['cmc-system-no-remote-apiendpoint', 'cmc-no-remote-endpoint'],
    ['cmc-system-stream-not-collector', 'cmc-not-collector-stream'],
    ['cmc-scope-request-not-found', 'cmc-scope-request-not-found'],
    ['cmc-scope-request-expired', 'cmc-scope-request-expired'],
    ['cmc-scope-request-already-answered', 'cmc-scope-request-answered'],
  ])('maps the reason %s to %s and keeps the reason as a detail', (reason, code) => {
    const error = failed({ reason, detail: {} })
    expect(error.code).toBe(code)
    expect(error.details).toEqual([reason])
  })

  it.each([
    ['cmc-capability-consumed', 'cmc-capability-consumed'],
    ['cmc-capability-invalidated', 'cmc-capability-invalidated'],
    ['cmc-capability-already-accepted-by-you', 'cmc-already-accepted'],
    ['something-new', 'cmc-delivery-rejected'],
  ])("reads a rejected delivery's cause %s in detail.body.error.data.id", (id, code) => {
    const detail = {
      status: 400,
      body: { error: { id: 'invalid-operation', message: 'Offer consumed', data: { id } } },
    }
    const error = failed({ reason: 'cmc-handler-delivery-rejected', detail })
    expect(error.code).toBe(code)
    expect(error.details).toEqual(['cmc-handler-delivery-rejected', 'Offer consumed'])
  })

  it('is cmc-trigger-failed for an unknown, missing or inherited reason', () => {
    expect(failed({ reason: 'cmc-from-the-future' }).code).toBe('cmc-trigger-failed')
    expect(failed(undefined).code).toBe('cmc-trigger-failed')
    expect(failed({ reason: 'toString' }).code).toBe('cmc-trigger-failed')
  })

  it("reads the remote platform's cause only for a rejected delivery, and keeps at most 300 characters of each word", () => {
    const detail = { body: { error: { message: 'm'.repeat(400), data: { id: 'cmc-capability-consumed' } } } }
    const error = failed({ reason: 'cmc-capability-invalid', detail })
    expect(error.code).toBe('cmc-capability-invalid')
    expect(error.details).toEqual(['cmc-capability-invalid', 'm'.repeat(300)])
  })
})
