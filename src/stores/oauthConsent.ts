import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import { useOfferChoice } from '@/composables/useOfferChoice'
import { useSessionStreamNames } from '@/composables/useSessionStreamNames'
import { AppError } from '@/services/appError'
import { queryValue, readAuthQuery, type RawQuery } from '@/services/authQuery'
import { navigateTo } from '@/services/browserWindow'
import { acceptConsent, refuseConsent, type ConsentCall } from '@/services/oauthConsent'
import { readConsentState, type ConsentStateReading } from '@/services/oauthState'
import { useAuthSessionStore } from './authSession'
import { usePlatformStore } from './platform'

export type OAuthConsentView = 'invalid' | 'expired' | 'sign-in' | 'mfa' | 'recovery' | 'consent' | 'leaving'

/**
 * The OAuth 2.0 consent page's flow: reads the signed request once, signs the person in
 * (MFA included), holds their choice, sends accept or refuse, and ends on the client's redirect.
 */
export const useOAuthConsentStore = defineStore('oauthConsent', () => {
  const platform = usePlatformStore()
  const authSession = useAuthSessionStore()
  const { status, error, run, clear } = useAsyncAction()
  const reading = shallowRef<ConsentStateReading>({ ok: false, reason: 'missing' })
  /** The button whose call runs, so the progress shows there. */
  const busyAction = ref<'accept' | 'refuse' | null>(null)
  const secondsLeft = ref(0)
  const leaving = ref(false)
  // The signed state goes back to the platform verbatim; kept out of the store's state like a password.
  let call: ConsentCall | null = null
  let clock: ReturnType<typeof setInterval> | undefined

  const request = computed(() => (reading.value.ok ? reading.value.request : null))
  const invalidReason = computed(() => (reading.value.ok ? null : reading.value.reason))
  // The person's names of their streams: shown on the rows, never sent with the answer.
  const streamNaming = useSessionStreamNames(() => authSession.session)
  const { rows, granted, canAccept, tickAll, toggle } = useOfferChoice(request, streamNaming)
  const expired = computed(() => secondsLeft.value <= 0 || error.value?.code === 'consent-expired')

  const view = computed<OAuthConsentView>(() => {
    if (!request.value) return 'invalid'
    if (leaving.value) return 'leaving'
    if (expired.value) return 'expired'
    if (authSession.session) return 'consent'
    return authSession.step === 'mfa' || authSession.step === 'recovery' ? authSession.step : 'sign-in'
  })

  function tick(): void {
    const expires = request.value?.expires ?? 0
    secondsLeft.value = Math.max(0, Math.ceil(expires - Date.now() / 1000))
    if (secondsLeft.value === 0 || leaving.value) clearInterval(clock)
  }

  /** Reads `state` and `pryvApi` from the link; both stay in memory only. */
  function start(query: RawQuery): void {
    const state = queryValue(query, 'state')
    const { pryvApi } = readAuthQuery(query)
    reading.value = pryvApi ? readConsentState(state) : { ok: false, reason: 'missing' }
    call = pryvApi && state ? { pryvApi, state } : null
    // The password and the personal token go to pryvApi: it must be trusted even when the link names another service info.
    if (pryvApi) platform.trust([{ role: 'api', url: pryvApi }])
    tickAll()
    leaving.value = false
    busyAction.value = null
    clear()
    authSession.backToCredentials()
    clearInterval(clock)
    tick()
    if (request.value) clock = setInterval(tick, 1000)
  }

  function signIn(login: string, password: string): Promise<unknown> {
    return run(
      () => authSession.submitOnLinkedPlatform(login, password),
      () => 'idle',
    )
  }

  /** Ends the personal session, then leaves for the platform's redirect, only an absolute http(s) one. */
  async function leave(redirectTo: string): Promise<void> {
    await authSession.close()
    if (!navigateTo(redirectTo)) throw new AppError('unexpected-answer')
    leaving.value = true
  }

  async function decide(action: 'accept' | 'refuse', send: (current: ConsentCall) => Promise<string>): Promise<void> {
    const current = call
    if (!current || busyAction.value) return
    busyAction.value = action
    await run(async () => leave(await send(current)))
    busyAction.value = null
    // The platform no longer takes this session or this request: sign in again, or nothing more to do.
    if (error.value?.code === 'session-expired' || error.value?.code === 'consent-expired') await authSession.close()
  }

  function accept(): Promise<void> {
    return decide('accept', (current) => {
      const session = authSession.session
      const userToken = session?.connection.token
      if (!session || !userToken) return Promise.reject(new AppError('session-expired'))
      return acceptConsent(current, { username: session.username, userToken, grantedPermissions: granted.value })
    })
  }

  /** Also the sign-in form's Cancel: refusing needs no session. */
  function refuse(): Promise<void> {
    return decide('refuse', refuseConsent)
  }

  return {
    view,
    request,
    invalidReason,
    rows,
    granted,
    canAccept,
    secondsLeft,
    status,
    error,
    busyAction,
    start,
    signIn,
    toggle,
    accept,
    refuse,
  }
})
