import { defineStore } from 'pinia'
import { computed } from 'vue'
import { changePassword } from '@/services/passwords'
import type { Session } from '@/services/signIn'
import { useAuthSessionStore } from './authSession'
import { usePlatformStore } from './platform'
import { reachedEnd, useAsyncAction } from '@/composables/useAsyncAction'

export type ChangeStep = 'credentials' | 'mfa' | 'recovery' | 'done'

/** Change password: sign in (with MFA when the account has it), change it, sign out whatever happened. */
export const usePasswordChangeStore = defineStore('passwordChange', () => {
  const platform = usePlatformStore()
  const authSession = useAuthSessionStore()
  const { status, error, run, clear } = useAsyncAction()
  // Both passwords wait here, in memory only, while an MFA code is asked for.
  let passwords: { current: string; next: string } | null = null

  const step = computed<ChangeStep>(() => {
    if (status.value === 'done') return 'done'
    return authSession.step === 'mfa' || authSession.step === 'recovery' ? authSession.step : 'credentials'
  })

  function start(): void {
    passwords = null
    authSession.backToCredentials()
    clear()
  }

  /** Changes the password once signed in; false while the sign-in waits for an MFA code. */
  async function changeOnceSignedIn(session: Session | null): Promise<boolean> {
    if (authSession.error) throw authSession.error
    if (!session || !passwords) return false
    const { current, next } = passwords
    passwords = null
    try {
      await changePassword(session.connection, current, next)
    } finally {
      await authSession.close()
    }
    return true
  }

  async function submit(login: string, currentPassword: string, newPassword: string): Promise<void> {
    await run(async () => {
      const service = await platform.trustedService()
      if (!service) return false
      passwords = { current: currentPassword, next: newPassword }
      return changeOnceSignedIn(await authSession.submitCredentials(service, login, currentPassword))
    }, reachedEnd)
  }

  async function submitMfaCode(code: string): Promise<void> {
    await run(async () => changeOnceSignedIn(await authSession.submitMfaCode(code)), reachedEnd)
  }

  async function submitRecoveryCode(code: string): Promise<void> {
    await run(async () => changeOnceSignedIn(await authSession.submitRecoveryCode(code)), reachedEnd)
  }

  function showStep(next: 'mfa' | 'recovery'): void {
    clear()
    authSession.showStep(next)
  }

  function cancelMfa(): void {
    passwords = null
    clear()
    authSession.backToCredentials()
  }

  return { step, status, error, start, submit, submitMfaCode, submitRecoveryCode, showStep, cancelMfa }
})
