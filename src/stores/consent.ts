import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AccessRequest, AccessState, Permission } from '@/services/accessState'
import { AppError, toAppError } from '@/services/appError'
import { appApiEndpoint, checkAppAccess, createAppAccess, deleteAccess, type GrantedAccess } from '@/services/appAccess'
import { closeWindow, navigateTo } from '@/services/browserWindow'
import { planFlowEnding, type FlowEnding } from '@/services/flowEnding'
import { consentDescription, describePermission } from '@/services/permissionView'
import { notifyPollUrl, type PollUpdate } from '@/services/pollUrl'
import type { Session } from '@/services/signIn'
import { useAuthRequestStore } from './authRequest'
import { useAuthSessionStore } from './authSession'

export type ConsentPhase = 'idle' | 'checking' | 'consent' | 'ended'
export type ConsentStep = 'check' | 'accept' | 'notify' | 'refuse'

/** The app's request checked against the user's accesses, the user's answer, and the end of the popup. */
export const useConsentStore = defineStore('consent', () => {
  const authRequest = useAuthRequestStore()
  const authSession = useAuthSessionStore()
  const phase = ref<ConsentPhase>('idle')
  const busyStep = ref<ConsentStep | null>(null)
  const failedStep = ref<ConsentStep | null>(null)
  const error = shallowRef<AppError | null>(null)
  const permissions = shallowRef<Permission[]>([])
  const replacesAccess = ref(false)
  const descriptionHtml = ref('')
  const ending = shallowRef<FlowEnding | null>(null)
  const permissionViews = computed(() => permissions.value.map(describePermission))
  let mismatchingAccessId: string | undefined
  // Kept so a failed notification is retried without creating a second access.
  let granted: GrantedAccess | null = null

  function context(): { request: AccessRequest; session: Session } {
    const request = authRequest.request
    const session = authSession.session
    if (!request || !session) throw new AppError('unknown')
    return { request, session }
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
      if (failedStep.value === 'notify' && !error.value.retryable) await withdraw().catch((withdrawErr: unknown) => (error.value = toAppError(withdrawErr)))
    } finally {
      busyStep.value = null
    }
  }

  async function end(finalState: AccessState): Promise<void> {
    await authSession.close()
    const { query, pollUrl, request } = authRequest
    ending.value = planFlowEnding({ finalState, pollUrl, key: request?.key, returnURL: request?.returnURL ?? query.returnURL, oauthState: request?.oauthState ?? query.oauthState, cli: query.cli })
    phase.value = 'ended'
    if (ending.value.kind === 'redirect') navigateTo(ending.value.url)
    if (ending.value.kind === 'close') closeWindow()
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
    await authSession.close()
    ending.value = { kind: 'undelivered' }
    phase.value = 'ended'
  }

  async function notifyAccepted(): Promise<void> {
    const { session } = context()
    if (!granted) throw new AppError('unknown')
    const apiEndpoint = await appApiEndpoint(session, granted)
    const update: PollUpdate = { status: 'ACCEPTED', apiEndpoint, username: session.username, token: granted.token }
    await end(await notifyPollUrl(authRequest.pollUrl, update))
  }

  async function showDescription(request: AccessRequest): Promise<void> {
    const source = consentDescription(request.clientData)
    if (!source) return
    const { renderMarkdown } = await import('@/services/markdown')
    descriptionHtml.value = renderMarkdown(source)
  }

  /** accesses.checkApp: a matching access answers the app at once, otherwise the user is asked. */
  function checkAccess(): Promise<void> {
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
    const state = await authRequest.refreshState()
    if (state.status === 'NEED_SIGNIN') return false
    await authSession.close()
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

  /** Refusing (or cancelling) always ends the flow, even when the platform cannot be told. */
  function refuse(reason: 'refused' | 'cancelled'): Promise<void> {
    return run('refuse', async () => {
      if (authRequest.request && (await answeredElsewhere().catch(() => false))) return
      const update: PollUpdate = {
        status: 'REFUSED',
        reasonId: 'REFUSED_BY_USER',
        message: reason === 'cancelled' ? 'The user cancelled the sign-in.' : 'The user refused to give access to the requested permissions.',
      }
      const finalState = authRequest.request ? await notifyPollUrl(authRequest.pollUrl, update).catch(() => update) : update
      await end(finalState)
    })
  }

  function retry(): Promise<void> {
    if (failedStep.value === 'check') return checkAccess()
    if (failedStep.value === 'notify') return run('notify', notifyAccepted)
    if (failedStep.value === 'refuse') return refuse('refused')
    return accept()
  }

  return { phase, busyStep, failedStep, error, permissionViews, replacesAccess, descriptionHtml, ending, checkAccess, accept, refuse, retry }
})
