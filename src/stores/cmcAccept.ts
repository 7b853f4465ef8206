import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import { useOfferChoice } from '@/composables/useOfferChoice'
import { useSessionStreamNames } from '@/composables/useSessionStreamNames'
import { AppError } from '@/services/appError'
import { queryValue, readAuthQuery, type RawQuery } from '@/services/authQuery'
import { referrerOrigin } from '@/services/openerWindow'
import type { CmcAcceptOutcome } from '@/services/cmc/cmcAnswer'
import { streamLevels } from '@/services/cmc/cmcAnswerStream'
import { readCapabilityUrl, type CapabilityReading, type CmcCapability } from '@/services/cmc/cmcCapability'
import { takeFromAddress } from '@/services/linkSecrets'
import { handOffCmcResult, type CmcHandOffOutcome, type CmcResult } from '@/services/cmc/cmcHandOff'
import { readCmcOffer, type CmcOffer } from '@/services/cmc/cmcOffer'
import { readCmcReturn, type CmcReturn } from '@/services/cmc/cmcReturn'
import { asRecord, textOf } from '@/services/json'
import { resultDestination } from '@/services/resultDestination'
import { parseApiTemplate } from '@/services/safeUrl'
import { useAuthSessionStore } from './authSession'
import { usePlatformStore } from './platform'

export type CmcAcceptView =
  | 'invalid'
  | 'not-secure'
  | 'loading'
  | 'unavailable'
  | 'sign-in'
  | 'mfa'
  | 'recovery'
  | 'offer'
  | 'following'
  | 'ended'

// The data-grant endpoint carries a token: only allowlisted apps receive it.
const secretKeys = ['dataGrantApiEndpoint']

/**
 * The CMC accept page's flow: reads the offer through the capability, signs the person in (MFA included),
 * writes their accept or refuse on their account, follows the platform until it settles, and hands the
 * result back to the app (popup message or redirect).
 */
export const useCmcAcceptStore = defineStore('cmcAccept', () => {
  const platform = usePlatformStore()
  const authSession = useAuthSessionStore()
  const { status, error, run, clear } = useAsyncAction()
  const loading = useAsyncAction()
  const capabilityReading = shallowRef<CapabilityReading>({ ok: false, reason: 'missing', host: '' })
  const offer = shallowRef<CmcOffer | null>(null)
  const busyAction = ref<'accept' | 'refuse' | 'cancel' | null>(null)
  const outcome = shallowRef<CmcAcceptOutcome | null>(null)
  const handOff = ref<CmcHandOffOutcome | null>(null)
  const linkComplete = ref(false)
  const pryvApiHost = ref('')
  /** The answer is written and the page waits for the platform to settle it. */
  const following = ref(false)
  /** Where the result goes back; out of the store's state too, but reactive: the destination named follows a new link. */
  const target = shallowRef<CmcReturn>({ mode: 'popup', returnUrl: null })
  // Credentials: in memory only, out of the store's state.
  let capability: CmcCapability | null = null
  let scopeStreamId = ''
  let accessName: string | undefined
  /** The accept written, once the platform took it. */
  let answerId: string | undefined

  // The person's names of their streams once signed in (the offer's before): shown on the rows, never sent.
  const streamNaming = useSessionStreamNames(() => authSession.session)
  const { rows, granted, canAccept, tickAll, toggle } = useOfferChoice(offer, streamNaming)
  /** The requester's platform, named when it is not the person's own. */
  const requesterPlatform = computed(() => {
    const host = capabilityReading.value.ok ? capabilityReading.value.capability.host : ''
    return host !== '' && host !== pryvApiHost.value ? host : null
  })
  const notSecureHost = computed(() => (capabilityReading.value.ok ? '' : capabilityReading.value.host))
  const destination = computed(() =>
    resultDestination(
      target.value.mode === 'popup' ? (referrerOrigin() ?? target.value.returnUrl) : target.value.returnUrl,
    ),
  )

  const view = computed<CmcAcceptView>(() => {
    if (outcome.value) return 'ended'
    if (!linkComplete.value) return 'invalid'
    if (!capabilityReading.value.ok) return capabilityReading.value.reason === 'not-secure' ? 'not-secure' : 'invalid'
    if (!offer.value) return loading.status.value === 'error' ? 'unavailable' : 'loading'
    if (busyAction.value === 'accept' && status.value === 'pending' && following.value) return 'following'
    if (authSession.session) return 'offer'
    return authSession.step === 'mfa' || authSession.step === 'recovery' ? authSession.step : 'sign-in'
  })

  async function loadOffer(): Promise<void> {
    const current = capability
    if (!current) return
    const loaded = await loading.run(() => readCmcOffer(current))
    // An expired, consumed-and-removed or empty capability: explained before anything is asked.
    const failure = loading.error.value
    if (failure && !failure.retryable) outcome.value = { kind: 'failed', error: failure }
    if (!loaded) return
    offer.value = loaded
    tickAll()
  }

  /** Reads the link; the capability URL stays in memory only. Makes no request unless `pryvApi` is trusted. */
  function start(query: RawQuery): Promise<void> {
    const { pryvApi } = readAuthQuery(query)
    const stream = queryValue(query, 'scopeStreamId')
    // The router took it out of the address (services/linkSecrets); a query given directly still counts.
    capabilityReading.value = readCapabilityUrl(queryValue(query, 'capabilityUrl') ?? takeFromAddress('capabilityUrl'))
    capability = capabilityReading.value.ok ? capabilityReading.value.capability : null
    scopeStreamId = stream ?? ''
    accessName = queryValue(query, 'accessName')
    target.value = readCmcReturn(query)
    linkComplete.value = Boolean(pryvApi && stream && streamLevels(stream))
    pryvApiHost.value = parseApiTemplate(pryvApi)?.host ?? ''
    offer.value = null
    outcome.value = null
    handOff.value = null
    busyAction.value = null
    answerId = undefined
    clear()
    authSession.backToCredentials()
    // The password and the personal token go to pryvApi: the same trust rule as every page.
    if (!pryvApi || !platform.trust([{ role: 'api', url: pryvApi }]) || !linkComplete.value) return Promise.resolve()
    return loadOffer()
  }

  function signIn(login: string, password: string): Promise<unknown> {
    return run(
      () => authSession.submitOnLinkedPlatform(login, password),
      () => 'idle',
    )
  }

  /** Ends the personal session, then gives the result to the app; the page says what happened. */
  async function finish(ended: CmcAcceptOutcome, result: CmcResult): Promise<void> {
    await authSession.close()
    outcome.value = ended
    handOff.value = handOffCmcResult('cmc-accept-result', 'cmcAcceptResult', result, target.value, secretKeys)
  }

  /** A failure is explained first; the app is told when the person goes back to it. */
  function returnToApp(): void {
    const ended = outcome.value
    if (ended?.kind !== 'failed' || handOff.value) return
    const result = { ok: false, reason: ended.error.code, ...(answerId ? { acceptEventId: answerId } : {}) }
    handOff.value = handOffCmcResult('cmc-accept-result', 'cmcAcceptResult', result, target.value, secretKeys)
  }

  async function act(action: 'accept' | 'refuse', answer: () => Promise<void>): Promise<void> {
    if (busyAction.value || outcome.value) return
    busyAction.value = action
    await run(answer)
    busyAction.value = null
    following.value = false
    if (error.value?.code === 'session-expired') await authSession.close()
  }

  /** The calls that write and follow an answer: fetched while the page shows, outside its first load (see the page). */
  const answerCalls = () => import('@/services/cmc/cmcAnswer')

  /** The personal session and the capability an answer needs. */
  function answerCall() {
    const session = authSession.session
    if (!session || !capability) throw new AppError('session-expired')
    return { personal: session.connection, capabilityUrl: capability.url }
  }

  function accept(): Promise<void> {
    return act('accept', async () => {
      const { personal, capabilityUrl } = answerCall()
      const { writeCmcAccept, followCmcTrigger } = await answerCalls()
      const current = offer.value
      const trigger = await writeCmcAccept(personal, scopeStreamId, {
        capabilityUrl,
        ...(accessName ? { accessName } : {}),
        ...(current?.features ? { features: current.features } : {}),
        // Without a choice the whole offer is granted: the platform takes no list then.
        ...(current?.allowUserChoice ? { grantedPermissions: granted.value } : {}),
      })
      answerId = trigger.id
      following.value = true
      const settled = await followCmcTrigger(personal, trigger.id).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'cmc-trigger-timeout') return err
        throw err
      })
      if (settled instanceof AppError) return failAfterWrite(settled)
      if (settled.status === 'failed') {
        // The reasons' table is fetched only when the platform reports one: the page's first load stays small.
        const { cmcTriggerError } = await import('@/services/cmc/cmcFailure')
        return failAfterWrite(cmcTriggerError(settled))
      }
      const dataGrantApiEndpoint = textOf(asRecord(settled.content.acceptedBy)?.apiEndpoint)
      await finish({ kind: 'accepted' }, { ok: true, acceptEventId: trigger.id, dataGrantApiEndpoint })
    })
  }

  /** After the answer was written, a failure ends the flow: another click would write a second answer. */
  async function failAfterWrite(failure: AppError): Promise<void> {
    await authSession.close()
    outcome.value = { kind: 'failed', error: failure }
  }

  /** Refuse after sign-in: the write accepted is the answer (this platform version fails to deliver it, see README). */
  function refuse(): Promise<void> {
    return act('refuse', async () => {
      const { personal, capabilityUrl } = answerCall()
      const { writeCmcRefuse } = await answerCalls()
      const trigger = await writeCmcRefuse(personal, scopeStreamId, capabilityUrl)
      await finish({ kind: 'refused' }, { ok: false, reason: 'user-refused', refuseEventId: trigger.id })
    })
  }

  /** Cancel before sign-in: nothing is written; the app learns the person went away. */
  async function cancel(): Promise<void> {
    if (busyAction.value || outcome.value) return
    busyAction.value = 'cancel'
    await finish({ kind: 'cancelled' }, { ok: false, reason: 'user-cancelled' })
    busyAction.value = null
  }

  return {
    view,
    offer,
    rows,
    granted,
    canAccept,
    requesterPlatform,
    notSecureHost,
    destination,
    status,
    error,
    loadError: loading.error,
    busyAction,
    outcome,
    handOff,
    start,
    loadOffer,
    signIn,
    toggle,
    accept,
    refuse,
    cancel,
    returnToApp,
  }
})
