import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import { config } from '@/config'
import type { Service } from '@/services/platform'
import {
  recoverMfa,
  resendMfaCode,
  resolveUsername,
  signIn,
  signOut,
  verifyMfaCode,
  type Session,
} from '@/services/signIn'
import { usePlatformStore } from './platform'

export type SignInStep = 'credentials' | 'mfa' | 'recovery' | 'signed-in'

// A logout must not hold the app's answer back for long.
const signOutTimeoutMs = 3000

/** Signing in, with MFA when the account has it; the personal session stays in memory only. */
export const useAuthSessionStore = defineStore('authSession', () => {
  const step = ref<SignInStep>('credentials')
  const { status, error, run, clear } = useAsyncAction()
  const username = ref('')
  const codeResent = ref(false)
  /** Set once a recovery code switched MFA off, so the user is told to set it up again. */
  const mfaDeactivated = ref(false)
  const session = shallowRef<Session | null>(null)
  // Secrets of a pending MFA sign-in: kept out of the store's state, dropped once signed in.
  let pending: { service: Service; mfaToken: string; password: string } | null = null

  function open(newSession: Session): Session {
    pending = null
    session.value = markRaw(newSession)
    step.value = 'signed-in'
    return newSession
  }

  async function attemptSignIn(service: Service, name: string, password: string): Promise<Session | null> {
    const result = await signIn(service, name, password, config.appId)
    if (result.kind === 'signed-in') return open(result.session)
    pending = { service, mfaToken: result.mfaToken, password }
    codeResent.value = false
    step.value = 'mfa'
    return null
  }

  /** Username or e-mail plus password; resolves to the session, or null when MFA or an error stops it. */
  function submitCredentials(service: Service, login: string, password: string): Promise<Session | null> {
    return run(async () => {
      username.value = await resolveUsername(service, login)
      return attemptSignIn(service, username.value, password)
    })
  }

  /** The same, on the link's platform once it is connected and trusted; nothing is sent to one that is not. */
  async function submitOnLinkedPlatform(login: string, password: string): Promise<Session | null> {
    const service = await usePlatformStore().trustedService()
    return service ? submitCredentials(service, login, password) : null
  }

  function submitMfaCode(code: string): Promise<Session | null> {
    return run(async () => {
      if (!pending) return null
      return open(await verifyMfaCode(pending.service, username.value, pending.mfaToken, code))
    })
  }

  async function resendCode(): Promise<void> {
    await run(async () => {
      if (pending) await resendMfaCode(pending.service, username.value, pending.mfaToken)
      codeResent.value = true
    })
  }

  /** Lost phone: the recovery code switches MFA off, then the same password signs in. */
  function submitRecoveryCode(recoveryCode: string): Promise<Session | null> {
    return run(async () => {
      if (!pending) return null
      const { service, password } = pending
      await recoverMfa(service, username.value, password, recoveryCode)
      mfaDeactivated.value = true
      return attemptSignIn(service, username.value, password)
    })
  }

  function showStep(next: 'mfa' | 'recovery'): void {
    clear()
    step.value = next
  }

  function backToCredentials(): void {
    pending = null
    clear()
    step.value = 'credentials'
  }

  /** auth.logout for the personal session; never fails and never waits long. */
  async function close(): Promise<void> {
    const current = session.value
    session.value = null
    if (!current) return
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, signOutTimeoutMs))
    await Promise.race([signOut(current).catch(() => undefined), timeout])
  }

  return {
    step,
    status,
    error,
    username,
    codeResent,
    mfaDeactivated,
    session,
    submitCredentials,
    submitOnLinkedPlatform,
    submitMfaCode,
    resendCode,
    submitRecoveryCode,
    showStep,
    backToCredentials,
    close,
  }
})
