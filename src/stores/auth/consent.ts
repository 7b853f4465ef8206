import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useAsyncSteps } from '@/composables/useAsyncSteps'
import type { AccessRequest, AccessState, Permission } from '@/services/accessState'
import { AppError, toAppError } from '@/services/appError'
import {
  appApiEndpoint,
  checkAppAccess,
  createAppAccess,
  deleteAccess,
  type GrantedAccess,
} from '@/services/auth/appAccess'
import { consentDescription, describePermission } from '@/services/permissionView'
import { withStreamNames, type StreamNames } from '@/services/streamNames'
import { notifyPollUrl, type PollUpdate } from '@/services/auth/pollUrl'
import { resultDestination } from '@/services/resultDestination'
import type { Session } from '@/services/signIn'

/** `confirm`: the app already holds a matching access, and the person says whether it may have it again. */
export type ConsentPhase = 'idle' | 'checking' | 'consent' | 'confirm' | 'ended'
export type ConsentStep = 'check' | 'accept' | 'notify' | 'refuse'

/** What the consent step answers, given by the flow that composes it. */
export interface ConsentContext {
  /** Null when the request never loaded: a cancel still ends the flow, telling no one. */
  request: AccessRequest | null
  /** The personal session; null before sign-in (a cancel). */
  session: Session | null
  pollUrl: string
  /** Where the answer goes: the request's return address (checked by the flow), none for the opener. */
  returnURL?: string
  /** The old behaviour: a matching access answers the app at once, with no confirmation. */
  silentMatchingAccess: boolean
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
  const { busyStep, error, run: runStep } = useAsyncSteps<ConsentStep>()
  const failedStep = ref<ConsentStep | null>(null)
  const permissions = shallowRef<Permission[]>([])
  const replacesAccess = ref(false)
  /** When the matching access was made (seconds since 1970), if the platform says. */
  const matchingCreated = ref<number | undefined>(undefined)
  const descriptionHtml = ref('')
  /** The person's names of their streams (else the request's): shown, never sent with the access. */
  const streamNames = shallowRef<StreamNames>(new Map())
  const permissionViews = computed(() => withStreamNames(permissions.value, streamNames.value).map(describePermission))
  // Null (not a web address) never gets here: the flow refuses such a link before any sign-in.
  const destination = computed(() => resultDestination(given.value?.returnURL) ?? { kind: 'opener' as const })
  let mismatchingAccessId: string | undefined
  // Kept so a failed notification is retried without creating a second access.
  let granted: GrantedAccess | null = null
  const given = shallowRef<ConsentContext | null>(null)

  function context(): ConsentContext & { request: AccessRequest; session: Session } {
    const { request, session } = given.value ?? {}
    if (!given.value || !request || !session) throw new AppError('unknown')
    return { ...given.value, request, session }
  }

  async function run(step: ConsentStep, action: () => Promise<void>): Promise<void> {
    await runStep(step, async () => {
      failedStep.value = null
      try {
        await action()
      } catch (err) {
        // Once the access exists, only the notification is left to retry.
        failedStep.value = granted ? 'notify' : step
        // A withdrawal that fails throws its own error, which then replaces this one.
        if (failedStep.value === 'notify' && !toAppError(err).retryable) await withdraw()
        throw err
      }
    })
  }

  async function end(answer: AccessState | 'undelivered'): Promise<void> {
    await given.value?.finish(answer)
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

  /**
   * accesses.checkApp for this signed-in request. A matching access is shown for one explicit
   * click (anyone can create a request naming any app: its token must not go out unseen), or,
   * with the old behaviour set, answers the app at once; otherwise the user is asked.
   */
  function checkAccess(consentContext: ConsentContext): Promise<void> {
    given.value = consentContext
    phase.value = 'checking'
    return run('check', async () => {
      const { request, session } = context()
      // The state is read again alongside the check, not after it (one round trip less): another tab (or the app)
      // may have answered while this one signed in. Answering at once must not overturn that answer, and the
      // consent must not offer it again; the check's own outcome then no longer matters.
      const checking = checkAppAccess(session, request)
      checking.catch(() => undefined)
      if (await answeredElsewhere()) return
      const check = await checking
      streamNames.value = check.names
      if (check.kind === 'matching') {
        granted = { token: check.token, apiEndpoint: check.apiEndpoint ?? '' }
        if (consentContext.silentMatchingAccess) return notifyAccepted()
        permissions.value = check.permissions
        matchingCreated.value = check.created
        phase.value = 'confirm'
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
    const { refreshState, closeSession } = given.value ?? context()
    const state = await refreshState()
    if (state.status === 'NEED_SIGNIN') return false
    await closeSession()
    return true
  }

  /**
   * Replaces a mismatching access (delete, then create) or creates a new one, then tells the app;
   * on the confirmation, gives the matching access (no new one): the request was read again just
   * before it showed, and reading it once more would cost every honest flow a round trip.
   */
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
    if (consentContext && !busyStep.value) given.value = consentContext
    return run('refuse', async () => {
      const request = given.value?.request
      if (request && (await answeredElsewhere().catch(() => false))) return
      const update: PollUpdate = {
        status: 'REFUSED',
        reasonId: 'REFUSED_BY_USER',
        message:
          reason === 'cancelled'
            ? 'The user cancelled the sign-in.'
            : 'The user refused to give access to the requested permissions.',
      }
      const pollUrl = given.value?.pollUrl
      const finalState = request && pollUrl ? await notifyPollUrl(pollUrl, update).catch(() => update) : update
      await end(finalState)
    })
  }

  function retry(): Promise<void> {
    if (failedStep.value === 'check') return given.value ? checkAccess(given.value) : Promise.resolve()
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
    matchingCreated,
    destination,
    descriptionHtml,
    checkAccess,
    accept,
    refuse,
    retry,
  }
})
