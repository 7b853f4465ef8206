import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import { config } from '@/config'
import { loadConsentMessages } from '@/i18n/consentMessages'
import type { AccessState } from '@/services/accessState'
import type { RawQuery } from '@/services/authQuery'
import { closeWindow, navigateTo } from '@/services/browserWindow'
import { planFlowEnding, type FlowEnding } from '@/services/flowEnding'
import { useAuthRequestStore } from './authRequest'
import { useAuthSessionStore } from '@/stores/authSession'
import type { ConsentContext, useConsentStore } from './consent'
import { usePlatformStore } from '@/stores/platform'

type ConsentStore = ReturnType<typeof useConsentStore>

/** Which panel the auth popup shows; one place decides, so no two panels ever compete. */
export type AuthView = 'load-error' | 'answered' | 'ended' | 'consent' | 'mfa' | 'recovery' | 'sign-in'

/**
 * The authorization flow from link to answer. It owns the request (authRequest) and composes the
 * steps: sign in (authSession), check and consent (consent), then the hand-off (close, redirect, or
 * say so), given to the consent step as arguments. The consent step is fetched apart, while the
 * person signs in: the popup's first load does not carry it.
 */
export const useAuthFlowStore = defineStore('authFlow', () => {
  const authRequest = useAuthRequestStore()
  const authSession = useAuthSessionStore()
  const platform = usePlatformStore()
  /** The consent step, once its code arrived. */
  const consent = shallowRef<ConsentStore | null>(null)
  let consentLoading: Promise<ConsentStore> | null = null
  // From a submit until its sign-in and check are over, so the button shows progress throughout.
  const { status: submitStatus, error: submitError, run: whileSubmitting } = useAsyncAction()
  const submitting = computed(() => submitStatus.value === 'pending')
  /** How the flow ended, once it did. */
  const ending = shallowRef<FlowEnding | null>(null)

  const view = computed<AuthView>(() => {
    if (ending.value) return 'ended'
    if (authRequest.answered) return 'answered'
    // Also while retrying after an error: the form appears only once the request is known.
    if (authRequest.status === 'error' || (authRequest.status === 'pending' && authRequest.error)) return 'load-error'
    if (consent.value && consent.value.phase !== 'idle') return 'consent'
    if (authSession.step === 'mfa' || authSession.step === 'recovery') return authSession.step
    return 'sign-in'
  })

  /** The hand-off: the personal session is closed, then the popup closes, goes back to the app or says it can be closed. */
  async function finish(answer: AccessState | 'undelivered'): Promise<void> {
    await authSession.close()
    const { query, pollUrl, request, returnURL } = authRequest
    ending.value =
      answer === 'undelivered'
        ? { kind: 'undelivered' }
        : planFlowEnding({
            finalState: answer,
            pollUrl,
            key: request?.key,
            returnURL,
            oauthState: request?.oauthState ?? query.oauthState,
            cli: query.cli,
            tokenFree: config.tokenFreeReturnUrl,
          })
    if (ending.value.kind === 'redirect') navigateTo(ending.value.url)
    if (ending.value.kind === 'close') closeWindow()
  }

  /** What the consent step needs of this flow, as it stands now. */
  function consentContext(): ConsentContext {
    return {
      request: authRequest.request,
      session: authSession.session,
      pollUrl: authRequest.pollUrl,
      returnURL: authRequest.returnURL,
      silentMatchingAccess: config.silentMatchingAccess,
      refreshState: authRequest.refreshState,
      finish,
      closeSession: authSession.close,
    }
  }

  function start(query: RawQuery): void {
    authRequest.start(query)
  }

  /** The consent step's code, fetched once (again after a failure, e.g. offline); call it early so no one waits for it. */
  function loadConsent(): Promise<ConsentStore> {
    consentLoading ??= Promise.all([import('./consent'), loadConsentMessages()]).then(
      ([{ useConsentStore }]) => (consent.value = useConsentStore()),
      (err: unknown) => {
        consentLoading = null
        throw err
      },
    )
    return consentLoading
  }

  async function checkAccess(): Promise<void> {
    await (await loadConsent()).checkAccess(consentContext())
  }

  /** Waits for the poll state only now, so the form was usable while it loaded. */
  async function signIn(login: string, password: string): Promise<void> {
    await whileSubmitting(async () => {
      const request = await authRequest.ready()
      const service = platform.service
      if (!request || !service) return
      if (await authSession.submitCredentials(service, login, password)) await checkAccess()
    })
  }

  async function submitMfaCode(code: string): Promise<void> {
    await whileSubmitting(async () => {
      if (await authSession.submitMfaCode(code)) await checkAccess()
    })
  }

  async function submitRecoveryCode(code: string): Promise<void> {
    await whileSubmitting(async () => {
      if (await authSession.submitRecoveryCode(code)) await checkAccess()
    })
  }

  /** Cancel before consent counts as a refusal, so the app stops waiting. */
  async function cancel(): Promise<void> {
    await (await loadConsent()).refuse('cancelled', consentContext())
  }

  return {
    view,
    submitting,
    submitError,
    ending,
    consent,
    start,
    loadConsent,
    signIn,
    submitMfaCode,
    submitRecoveryCode,
    cancel,
  }
})
