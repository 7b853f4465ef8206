import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AccessRequest, AccessState, Permission } from '@/services/accessState'
import { AppError, toAppError } from '@/services/appError'
import { appApiEndpoint, checkAppAccess, createAppAccess, deleteAccess, type GrantedAccess } from '@/services/appAccess'
import { consentDescription, describePermission } from '@/services/permissionView'
import { notifyPollUrl, type PollUpdate } from '@/services/pollUrl'
import type { Session } from '@/services/signIn'

export type ConsentPhase = 'idle' | 'checking' | 'consent' | 'ended'
export type ConsentStep = 'check' | 'accept' | 'notify' | 'refuse'

/** What the consent step answers, given by the flow that composes it. */
export interface ConsentContext {
  /** Null when the request never loaded: a cancel still ends the flow, telling no one. */
  request: AccessRequest | null
  /** The personal session; null before sign-in (a cancel). */
  session: Session | null
  pollUrl: string
  /** Reads the request's state again: another tab or the app may have answered meanwhile. */
  refreshState: () => Promise<AccessState>
  /** Ends the flow (hand-off) with the request's final state, or 'undelivered' when the app can never be told. */
  finish: (answer: AccessState | 'undelivered') => Promise<void>
  /** Closes the personal session, when this step stops without an answer of its own. */
  closeSession: () => Promise<void>
}

/** The consent step: the app's request checked against the user's accesses, and the user's answer told to the app. */
export const useConsentStore = defineStore('consent', () => {
  const phase = ref<ConsentPhase>('idle')
  const busyStep = ref<ConsentStep | null>(null)
  const failedStep = ref<ConsentStep | null>(null)
  const error = shallowRef<AppError | null>(null)
  const permissions = shallowRef<Permission[]>([])
  const replacesAccess = ref(false)
  const descriptionHtml = ref('')
  const permissionViews = computed(() => permissions.value.map(describePermission))
  let mismatchingAccessId: string | undefined
  // Kept so a failed notification is retried without creating a second access.
  let granted: GrantedAccess | null = null
  let given: ConsentContext | null = null

  function context(): ConsentContext & { request: AccessRequest; session: Session } {
    const { request, session } = given ?? {}
    if (!given || !request || !session) throw new AppError('unknown')
    return { ...given, request, session }
  }

  async function run(step: ConsentStep, action: () => Promise<void>): Promise<void> {
    if (busyStep.value) return
    busyStep.value = step
    failedStep.value = null
    error.value = null
    try {
      await action()
    } catch (err) {
      error.value = toAppError(err)
      // Once the access exists, only the notification is left to retry.
      failedStep.value = granted ? 'notify' : step
      if (failedStep.value === 'notify' && !error.value.retryable)
        await withdraw().catch((withdrawErr: unknown) => (error.value = toAppError(withdrawErr)))
    } finally {
      busyStep.value = null
    }
  }

  async function end(answer: AccessState | 'undelivered'): Promise<void> {
    await given?.finish(answer)
    phase.value = 'ended'
  }

  /**
   * The app will never learn of the access (its request expired or was closed):
   * the access this page created is deleted, so none is left that the app never
   * received, and the flow ends saying so.
   */
  async function withdraw(): Promise<void> {
    const { session } = context()
    if (granted?.id) await deleteAccess(session, granted.id)
    granted = null
    failedStep.value = null
    await end('undelivered')
  }

  async function notifyAccepted(): Promise<void> {
    const { session, pollUrl } = context()
    if (!granted) throw new AppError('unknown')
    const apiEndpoint = await appApiEndpoint(session, granted)
    const update: PollUpdate = { status: 'ACCEPTED', apiEndpoint, username: session.username, token: granted.token }
    await end(await notifyPollUrl(pollUrl, update))
  }

  async function showDescription(request: AccessRequest): Promise<void> {
    const source = consentDescription(request.clientData)
    if (!source) return
    const { renderMarkdown } = await import('@/services/markdown')
    descriptionHtml.value = renderMarkdown(source)
  }

  /** accesses.checkApp for this signed-in request: a matching access answers the app at once, otherwise the user is asked. */
  function checkAccess(consentContext: ConsentContext): Promise<void> {
    given = consentContext
    phase.value = 'checking'
    return run('check', async () => {
      const { request, session } = context()
      const check = await checkAppAccess(session, request)
      // Read again now: another tab (or the app) may have answered while this one signed in.
      // Answering at once must not overturn that answer, and the consent must not offer it again.
      if (await answeredElsewhere()) return
      if (check.kind === 'matching') {
        granted = { token: check.token, apiEndpoint: check.apiEndpoint ?? '' }
        await notifyAccepted()
        return
      }
      permissions.value = check.permissions
      mismatchingAccessId = check.mismatchingAccessId
      replacesAccess.value = mismatchingAccessId !== undefined
      await showDescription(request)
      phase.value = 'consent'
    })
  }

  /** True when another tab or the app already answered: then this page must not act on it. */
  async function answeredElsewhere(): Promise<boolean> {
    const { refreshState, closeSession } = given ?? context()
    const state = await refreshState()
    if (state.status === 'NEED_SIGNIN') return false
    await closeSession()
    return true
  }

  /** Replaces a mismatching access (delete, then create) or creates a new one, then tells the app. */
  function accept(): Promise<void> {
    return run('accept', async () => {
      const { request, session } = context()
      if (!granted) {
        if (await answeredElsewhere()) return
        if (mismatchingAccessId) {
          await deleteAccess(session, mismatchingAccessId)
          mismatchingAccessId = undefined
        }
        granted = await createAppAccess(session, request, permissions.value)
      }
      await notifyAccepted()
    })
  }

  /** Refusing (or cancelling, with the context of the moment) always ends the flow, even when the platform cannot be told. */
  function refuse(reason: 'refused' | 'cancelled', consentContext?: ConsentContext): Promise<void> {
    if (consentContext && !busyStep.value) given = consentContext
    return run('refuse', async () => {
      const request = given?.request
      if (request && (await answeredElsewhere().catch(() => false))) return
      const update: PollUpdate = {
        status: 'REFUSED',
        reasonId: 'REFUSED_BY_USER',
        message:
          reason === 'cancelled'
            ? 'The user cancelled the sign-in.'
            : 'The user refused to give access to the requested permissions.',
      }
      const finalState = request && given ? await notifyPollUrl(given.pollUrl, update).catch(() => update) : update
      await end(finalState)
    })
  }

  function retry(): Promise<void> {
    if (failedStep.value === 'check') return given ? checkAccess(given) : Promise.resolve()
    if (failedStep.value === 'notify') return run('notify', notifyAccepted)
    if (failedStep.value === 'refuse') return refuse('refused')
    return accept()
  }

  return {
    phase,
    busyStep,
    failedStep,
    error,
    permissionViews,
    replacesAccess,
    descriptionHtml,
    checkAccess,
    accept,
    refuse,
    retry,
  }
})
