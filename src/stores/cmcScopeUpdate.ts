import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import { useSessionStreamNames } from '@/composables/useSessionStreamNames'
import type { AppErrorCode } from '@/services/appError'
import { referrerOrigin } from '@/services/openerWindow'
import { queryValue, readAuthQuery, type RawQuery } from '@/services/authQuery'
import { handOffCmcResult, type CmcResult } from '@/services/cmc/cmcHandOff'
import { readCmcReturn, type CmcReturn } from '@/services/cmc/cmcReturn'
import { answerScopeRequest } from '@/services/cmc/cmcScopeAnswer'
import { diffScope } from '@/services/cmc/cmcScopeDiff'
import { findScopeAnswer, loadScopeCase, type ScopeCase } from '@/services/cmc/cmcScopeRequest'
import { resultDestination } from '@/services/resultDestination'
import type { LocalizedText } from '@/services/localizedText'
import type { Session } from '@/services/signIn'
import { useAuthSessionStore } from './authSession'
import { usePlatformStore } from './platform'

/** Where the flow stands; `signing-in` shows as the sign-in step the session is at. */
type Stage =
  | 'invalid'
  | 'signing-in'
  | 'loading'
  | 'load-failed'
  | 'not-a-request'
  | 'expired'
  | 'answered'
  | 'compare'
  | 'failed'
  | 'done'
  | 'leaving'

export type CmcScopeUpdateView = Exclude<Stage, 'signing-in'> | 'sign-in' | 'mfa' | 'recovery'
export type ScopeAction = 'accept' | 'refuse'

/** Why the app gets no answer from a stage that ends without one. */
const reasonOfStage: Partial<Record<Stage, AppErrorCode>> = {
  'not-a-request': 'cmc-scope-request-not-found',
  expired: 'cmc-scope-request-expired',
  answered: 'cmc-scope-request-answered',
}

/**
 * The scope-update page's flow: signs the person in (MFA included), reads the requester's request and the data grant
 * it concerns, shows what would change, writes one answer (`consent/scope-update-cmc`), checks the platform applied
 * it, then gives the result back to the app and ends the personal session.
 */
export const useCmcScopeUpdateStore = defineStore('cmcScopeUpdate', () => {
  const platform = usePlatformStore()
  const authSession = useAuthSessionStore()
  const signingIn = useAsyncAction()
  const reading = useAsyncAction()
  const answering = useAsyncAction()
  const stage = ref<Stage>('invalid')
  const scopeCase = shallowRef<ScopeCase | null>(null)
  /** The person's own names of their streams, asked for beside the request itself: shown instead of ids, never sent. */
  const streamNaming = useSessionStreamNames(() => authSession.session)
  const busyAction = ref<ScopeAction | null>(null)
  /** The answer once written: from then on the page never writes another one. */
  const written = ref<{ id: string; action: ScopeAction } | null>(null)
  /** Whether the result the app was given is a success (for the closing words). */
  const endedOk = ref(false)
  let link: { scopeRequestEventId: string; scopeStreamId?: string } | null = null
  let finishing = false
  const target = shallowRef<CmcReturn>({ mode: 'popup', returnUrl: null })

  const view = computed<CmcScopeUpdateView>(() => {
    if (stage.value !== 'signing-in') return stage.value
    return authSession.step === 'mfa' || authSession.step === 'recovery' ? authSession.step : 'sign-in'
  })
  const request = computed(() => scopeCase.value?.request ?? null)
  const diff = computed(() => {
    if (!scopeCase.value) return null
    const { added, removed, kept } = diffScope(scopeCase.value.grant.permissions, request.value?.newPermissions ?? [])
    const named = (permissions: typeof added) => permissions.map(streamNaming.value)
    return { added: named(added), removed: named(removed), kept: named(kept) }
  })
  /** Where the answer goes, named to the person before they answer (as on the accept page). */
  const destination = computed(() =>
    resultDestination(
      target.value.mode === 'popup' ? (referrerOrigin() ?? target.value.returnUrl) : target.value.returnUrl,
    ),
  )
  const error = computed(() => answering.error.value ?? reading.error.value ?? signingIn.error.value)

  function isExpired(current: ScopeCase): boolean {
    return current.request.expires !== undefined && current.request.expires <= Date.now() / 1000
  }

  /** Reads `scopeRequestEventId`, `pryvApi`, `scopeStreamId`, `returnUrl` and `mode` from the link. */
  function start(query: RawQuery): void {
    const scopeRequestEventId = queryValue(query, 'scopeRequestEventId')
    const { pryvApi } = readAuthQuery(query)
    // The password and the personal token go to pryvApi: it must be a trusted platform.
    if (pryvApi) platform.trust([{ role: 'api', url: pryvApi }])
    link =
      scopeRequestEventId && pryvApi ? { scopeRequestEventId, scopeStreamId: queryValue(query, 'scopeStreamId') } : null
    target.value = readCmcReturn(query)
    scopeCase.value = null
    written.value = null
    finishing = false
    busyAction.value = null
    signingIn.clear()
    reading.clear()
    answering.clear()
    authSession.backToCredentials()
    stage.value = link ? 'signing-in' : 'invalid'
  }

  function signIn(login: string, password: string): Promise<void | null> {
    return signingIn.run(
      async () => {
        const service = await platform.trustedService()
        if (service) await authSession.submitCredentials(service, login, password)
      },
      () => 'idle',
    )
  }

  /** After a failed read or write: an expired session signs in again (the request is read anew), else `next`. */
  async function fallBack(next: 'load-failed' | 'compare'): Promise<void> {
    if (error.value?.code !== 'session-expired') {
      stage.value = next
      return
    }
    await authSession.close()
    stage.value = 'signing-in'
  }

  /** Ends the personal session at a stage the person can no longer answer from. */
  async function settle(next: Stage): Promise<void> {
    stage.value = next
    if (next !== 'compare') await authSession.close()
  }

  async function load(session: Session): Promise<void> {
    if (!link) return
    const { scopeRequestEventId, scopeStreamId } = link
    stage.value = 'loading'
    const loaded = await reading.run(() => loadScopeCase(session.connection, scopeRequestEventId, scopeStreamId))
    if (reading.status.value === 'error') return fallBack('load-failed')
    scopeCase.value = loaded
    if (!loaded) return settle('not-a-request')
    return settle(loaded.answerId ? 'answered' : isExpired(loaded) ? 'expired' : 'compare')
  }

  /** Once signed in (password, MFA code or recovery code), the request is read. */
  watch(
    () => authSession.session,
    (session) => {
      if (session && stage.value === 'signing-in') void load(session)
    },
  )

  function retryLoad(): void {
    const session = authSession.session
    if (session) void load(session)
    else stage.value = 'signing-in'
  }

  /** Ends the personal session, then gives the result to the app (postMessage or returnUrl). */
  async function finish(result: CmcResult): Promise<void> {
    // One result per visit, whatever is clicked twice.
    if (finishing) return
    finishing = true
    await authSession.close()
    endedOk.value = result.ok
    const outcome = handOffCmcResult('cmc-scope-update-result', 'cmcScopeUpdateResult', result, target.value, [])
    stage.value = outcome === 'navigated' ? 'leaving' : 'done'
  }

  /** One answer per request: checked again just before writing, as another tab may have answered meanwhile. */
  async function decide(action: ScopeAction, reason?: LocalizedText): Promise<void> {
    const session = authSession.session
    const current = scopeCase.value
    if (!session || !current || stage.value !== 'compare' || busyAction.value) return
    busyAction.value = action
    const reached = await answering.run(async () => {
      const ids = [current.answerStreamId, current.request.streamId]
      if (await findScopeAnswer(session.connection, ids, current.request.id)) return 'answered'
      if (isExpired(current)) return 'expired'
      const answer = action === 'accept' ? ({ accept: true } as const) : ({ accept: false, reason } as const)
      await answerScopeRequest(session.connection, current, answer, (id) => (written.value = { id, action }))
      return 'answered-now'
    })
    busyAction.value = null
    if (reached === 'answered' || reached === 'expired') return settle(reached)
    const sent = written.value
    if (reached === 'answered-now' && sent) return finish({ ok: true, updateEventId: sent.id, action: sent.action })
    if (sent) return settle('failed')
    if (answering.error.value) return fallBack('compare')
  }

  function accept(): Promise<void> {
    return decide('accept')
  }

  /** Refuses, with the person's optional reason in the page's language. */
  function refuse(text: string, language: string): Promise<void> {
    const trimmed = text.trim()
    return decide('refuse', trimmed ? { [language]: trimmed } : undefined)
  }

  /** Back to the app without an answer (sign-in cancelled, or nothing left to answer), or after a failed one. */
  function leave(): Promise<void> {
    const failed = stage.value === 'failed' || stage.value === 'load-failed'
    const reason = (failed ? error.value?.code : undefined) ?? reasonOfStage[stage.value] ?? 'user-cancelled'
    const sent = written.value
    return finish({ ok: false, reason, ...(sent ? { updateEventId: sent.id, action: sent.action } : {}) })
  }

  return {
    view,
    request,
    diff,
    destination,
    error,
    busyAction,
    endedOk,
    signInStatus: signingIn.status,
    start,
    signIn,
    retryLoad,
    accept,
    refuse,
    leave,
  }
})
