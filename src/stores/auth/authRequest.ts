import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AsyncStatus } from '@/composables/useAsyncAction'
import { applyLanguage } from '@/i18n'
import type { AccessRequest, AccessState } from '@/services/accessState'
import { AppError, toAppError } from '@/services/appError'
import { readAuthQuery, type AuthQuery, type RawQuery } from '@/services/authQuery'
import { navigateTo } from '@/services/browserWindow'
import type { Service } from '@/services/platform'
import { fetchAccessState, pollUrlForKey } from '@/services/auth/pollUrl'
import { usePlatformStore } from '@/stores/platform'

/** The auth request this popup answers: the link's parameters and the poll state. */
export const useAuthRequestStore = defineStore('authRequest', () => {
  const platform = usePlatformStore()
  const query = ref<AuthQuery>({ cli: false })
  const status = ref<AsyncStatus>('idle')
  const error = shallowRef<AppError | null>(null)
  const pollUrl = ref('')
  const request = shallowRef<AccessRequest | null>(null)
  /** The state when the request no longer waits for a sign-in (answered, expired, moved). */
  const answered = shallowRef<AccessState | null>(null)
  let loading: Promise<AccessRequest | null> = Promise.resolve(null)

  /** Where the answer goes back: the request's own return address, else the link's; set by takeReturnURL only. */
  const returnURL = ref<string | undefined>(undefined)

  const canSignIn = computed(() => platform.untrusted === null && answered.value === null && status.value !== 'error')

  /** The poll URL of the link; old links carry only the key, to add to the platform's access URL. */
  async function resolvePollUrl(): Promise<string | null> {
    if (query.value.pollUrl) return query.value.pollUrl
    if (!query.value.key) throw new AppError('missing-poll-url')
    const info = await platform.info()
    if (!info) return null
    const built = pollUrlForKey(info.access, query.value.key)
    if (!built) throw new AppError('missing-poll-url')
    return built
  }

  async function load(opening: Promise<Service | null>): Promise<AccessRequest | null> {
    // The last error stays until this load ends: a retry shows its progress on the error panel.
    status.value = 'pending'
    try {
      const service = await opening
      const resolved = service && (await resolvePollUrl())
      if (!service || !resolved || !platform.trust([{ role: 'poll', url: resolved }])) return finish(null)
      pollUrl.value = resolved
      const state = await fetchAccessState(service, pollUrl.value)
      if (state.status !== 'NEED_SIGNIN') {
        answered.value = state
        // Multi-core hand-off: the request goes on at another address (http(s) only).
        if (state.status === 'REDIRECTED' && state.redirectUrl) navigateTo(state.redirectUrl)
        return finish(null)
      }
      if (!(await (state.serviceInfo ? platform.adopt(state.serviceInfo) : platform.info()))) return finish(null)
      if (!takeReturnURL(state.returnURL)) return finish(null)
      request.value = state
      await applyLanguage([state.lang, query.value.lang])
      return finish(state)
    } catch (err) {
      error.value = toAppError(err)
      status.value = 'error'
      platform.keepOwnLook()
      return null
    }
  }

  /**
   * The one check of a return address (a value that is not a web address refuses the link, like an
   * untrusted URL); the flow, its ending and the consent's destination then use `returnURL` as it is.
   */
  function takeReturnURL(value: string | undefined): boolean {
    if (value === undefined) return true
    if (!platform.acceptReturn(value)) return false
    returnURL.value = value
    return true
  }

  function finish(result: AccessRequest | null): AccessRequest | null {
    // Without the request's service info no platform look can come.
    if (!result) platform.keepOwnLook()
    status.value = 'done'
    error.value = null
    return result
  }

  function sameRequest(next: AuthQuery): boolean {
    return status.value !== 'idle' && next.pollUrl === query.value.pollUrl && next.key === query.value.key
  }

  /**
   * Reads the link and starts loading the poll state; the sign-in form shows meanwhile.
   * Coming back from another page of the same request keeps what is already known.
   */
  function start(rawQuery: RawQuery): void {
    const next = readAuthQuery(rawQuery)
    if (sameRequest(next)) return
    query.value = next
    error.value = null
    returnURL.value = undefined
    const opening = platform.opened()
    // Checked before the first paint: a hostile link never shows the sign-in form, even for a moment.
    if (next.pollUrl) platform.trust([{ role: 'poll', url: next.pollUrl }])
    takeReturnURL(next.returnURL)
    loading = load(opening)
  }

  /** The loaded request, waiting for it if needed; null when the page cannot sign in for it. */
  async function ready(): Promise<AccessRequest | null> {
    const result = await loading
    return canSignIn.value ? result : null
  }

  function retry(): void {
    loading = load(platform.opened())
  }

  /** Fetches the state again, e.g. before acting on a request another tab may have answered. */
  async function refreshState(): Promise<AccessState> {
    const service = platform.service
    if (!service) throw new AppError('unknown')
    const state = await fetchAccessState(service, pollUrl.value)
    if (state.status !== 'NEED_SIGNIN') answered.value = state
    return state
  }

  return { query, status, error, pollUrl, request, answered, returnURL, canSignIn, start, ready, retry, refreshState }
})
