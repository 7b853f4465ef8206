import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import {
  confirmMfaEnrolment,
  deactivateMfa,
  readMfaStatus,
  resendEnrolmentCode,
  startMfaEnrolment,
  type MfaStatus,
} from '@/services/account/mfaEnrolment'
import { maskedPhone } from '@/services/account/phoneNumber'
import { toAppError } from '@/services/appError'
import { useAccountSessionStore, type Interruption } from './accountSession'

/** Where the Security section stands: the status, then switching on (phone, code, recovery codes) or off (password). */
export type SecurityStep = 'status' | 'phone' | 'code' | 'codes' | 'password'

const cutOff = (action: 'mfa-on' | 'mfa-off'): Interruption => ({ action, key: '', title: '' })

/** Two-factor authentication of the account: its state, switching it on with an SMS code, and off after the password. */
export const useAccountSecurityStore = defineStore('accountSecurity', () => {
  const session = useAccountSessionStore()
  const loading = useAsyncAction()
  const action = useAsyncAction()
  const step = ref<SecurityStep>('status')
  const mfa = shallowRef<MfaStatus | null>(null)
  /** The platform answered that it does not offer two-factor. */
  const unavailable = ref(false)
  const codeResent = ref(false)
  /** The last code's verification expired: the person starts again from the phone. */
  const restarted = ref(false)
  /** Shown once, between mfa/confirm and "Done"; null the rest of the time. */
  const recoveryCodes = shallowRef<readonly string[] | null>(null)
  // The activation's secret and number stay out of the store's state.
  let pending: { mfaToken: string; phone: string } | null = null

  function go(next: SecurityStep): void {
    action.clear()
    step.value = next
  }

  /** A fresh start: whatever a former visit or session left (codes included) is forgotten, the state read again. */
  function start(): Promise<unknown> {
    pending = null
    recoveryCodes.value = null
    codeResent.value = false
    restarted.value = false
    go('status')
    return loading.run(async () => {
      mfa.value = await session.call(readMfaStatus)
    })
  }

  function askPhone(): void {
    restarted.value = false
    go('phone')
  }

  /** mfa/activate with a checked phone number; the platform may answer that it offers no two-factor. */
  function submitPhone(phone: string): Promise<unknown> {
    return action.run(async () => {
      const started = await session.call((connection) => startMfaEnrolment(connection, phone), cutOff('mfa-on'))
      if (started.kind === 'unavailable') {
        unavailable.value = true
        step.value = 'status'
        return
      }
      pending = { mfaToken: started.mfaToken, phone }
      codeResent.value = false
      restarted.value = false
      step.value = 'code'
    })
  }

  function resend(): Promise<unknown> {
    return action.run(async () => {
      const current = pending
      if (!current) return restart()
      await session.call((connection) => resendEnrolmentCode(connection, current.mfaToken), cutOff('mfa-on'))
      codeResent.value = true
    })
  }

  /** The activation expired (or never was): back to the phone number, saying why. */
  function restart(): void {
    pending = null
    restarted.value = true
    go('phone')
  }

  /** mfa/confirm: on success the recovery codes show; a wrong code is tried again, an expired activation restarts. */
  function submitCode(code: string): Promise<unknown> {
    return action.run(async () => {
      const current = pending
      if (!current) return restart()
      try {
        recoveryCodes.value = await session.call(
          (connection) => confirmMfaEnrolment(connection, current.mfaToken, code),
          cutOff('mfa-on'),
        )
      } catch (err) {
        if (toAppError(err).code !== 'mfa-expired') throw err
        return restart()
      }
      pending = null
      mfa.value = { on: true, phoneHint: maskedPhone(current.phone) }
      step.value = 'codes'
    })
  }

  /** "Done" once the person kept the codes: they leave memory (and so the page). */
  function finish(): void {
    recoveryCodes.value = null
    go('status')
  }

  function askPassword(): void {
    go('password')
  }

  /** The password checked by a sign-in, then mfa/deactivate. */
  function submitPassword(password: string): Promise<unknown> {
    return action.run(async () => {
      await session.recheckPassword(password, cutOff('mfa-off'))
      await session.call(deactivateMfa, cutOff('mfa-off'))
      mfa.value = { on: false }
      go('status')
    })
  }

  /** Back to the status, forgetting the activation under way and any codes still shown. */
  function cancel(): void {
    pending = null
    recoveryCodes.value = null
    restarted.value = false
    go('status')
  }

  return {
    step,
    mfa,
    unavailable,
    codeResent,
    restarted,
    recoveryCodes,
    loadStatus: loading.status,
    loadError: loading.error,
    status: action.status,
    error: action.error,
    start,
    askPhone,
    submitPhone,
    resend,
    submitCode,
    finish,
    askPassword,
    submitPassword,
    cancel,
  }
})
