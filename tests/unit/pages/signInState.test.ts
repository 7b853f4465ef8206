import { describe, expect, it } from 'vitest'
import { consentSignInState } from '@/pages/signInState'
import { AppError } from '@/services/appError'

describe('consentSignInState', () => {
  const flow = { view: 'sign-in', status: 'idle' as const, busyAction: null, error: null }

  it("passes the flow's step and error through, busy only while its own work runs", () => {
    const error = new AppError('network')
    expect(consentSignInState({ ...flow, error })).toEqual({ step: 'sign-in', busy: false, cancelling: false, error })
    expect(consentSignInState({ ...flow, view: 'mfa', status: 'pending' })).toMatchObject({ step: 'mfa', busy: true })
  })

  it('counts any running answer as cancelling: Cancel sends the only answer possible before sign-in', () => {
    expect(consentSignInState({ ...flow, busyAction: 'refuse' }).cancelling).toBe(true)
    expect(consentSignInState({ ...flow, busyAction: 'cancel' }).cancelling).toBe(true)
  })
})
