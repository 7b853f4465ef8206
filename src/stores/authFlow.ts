import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { RawQuery } from '@/services/authQuery'
import { useAuthRequestStore } from './authRequest'
import { useAuthSessionStore } from './authSession'
import { useConsentStore } from './consent'
import { usePlatformStore } from './platform'

/** Which panel the auth popup shows; one place decides, so no two panels ever compete. */
export type AuthView = 'load-error' | 'answered' | 'ended' | 'consent' | 'mfa' | 'recovery' | 'sign-in'

/** The authorization flow from link to answer: sign in, check, consent, notify, close or redirect. */
export const useAuthFlowStore = defineStore('authFlow', () => {
  const authRequest = useAuthRequestStore()
  const authSession = useAuthSessionStore()
  const consent = useConsentStore()
  const platform = usePlatformStore()
  /** True from a submit until its sign-in and check are over, so the button shows progress throughout. */
  const submitting = ref(false)

  async function whileSubmitting(action: () => Promise<void>): Promise<void> {
    if (submitting.value) return
    submitting.value = true
    try {
      await action()
    } finally {
      submitting.value = false
    }
  }

  const view = computed<AuthView>(() => {
    if (consent.ending) return 'ended'
    if (authRequest.answered) return 'answered'
    // Also while retrying after an error: the form appears only once the request is known.
    if (authRequest.status === 'error' || (authRequest.status === 'pending' && authRequest.error)) return 'load-error'
    if (consent.phase !== 'idle') return 'consent'
    if (authSession.step === 'mfa' || authSession.step === 'recovery') return authSession.step
    return 'sign-in'
  })

  function start(query: RawQuery): void {
    authRequest.start(query)
  }

  /** Waits for the poll state only now, so the form was usable while it loaded. */
  function signIn(login: string, password: string): Promise<void> {
    return whileSubmitting(async () => {
      const request = await authRequest.ready()
      const service = platform.service
      if (!request || !service) return
      if (await authSession.submitCredentials(service, login, password)) await consent.checkAccess()
    })
  }

  function submitMfaCode(code: string): Promise<void> {
    return whileSubmitting(async () => {
      if (await authSession.submitMfaCode(code)) await consent.checkAccess()
    })
  }

  function submitRecoveryCode(code: string): Promise<void> {
    return whileSubmitting(async () => {
      if (await authSession.submitRecoveryCode(code)) await consent.checkAccess()
    })
  }

  /** Cancel before consent counts as a refusal, so the app stops waiting. */
  function cancel(): Promise<void> {
    return consent.refuse('cancelled')
  }

  return { view, submitting, start, signIn, submitMfaCode, submitRecoveryCode, cancel }
})
