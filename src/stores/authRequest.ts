import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { config } from '@/config'
import { applyLanguage } from '@/i18n'
import type { AccessRequest, AccessState } from '@/services/accessState'
import { AppError, toAppError } from '@/services/appError'
import { readAuthQuery, type AuthQuery, type RawQuery } from '@/services/authQuery'
import { navigateTo } from '@/services/browserWindow'
import { adoptServiceInfo, findUntrustedServiceInfo, loadServiceInfo, openService, type Service } from '@/services/platform'
import { fetchAccessState } from '@/services/pollUrl'
import { findUntrusted, type TrustPolicy, type UntrustedTarget } from '@/services/trust'

export type LoadStatus = 'idle' | 'pending' | 'done' | 'error'

function trustPolicy(): TrustPolicy {
  return { pageHost: window.location.hostname, allowlist: config.trustedPlatforms }
}

/** The auth request this popup answers: the link's parameters, the platform it trusts, the poll state. */
export const useAuthRequestStore = defineStore('authRequest', () => {
  const query = ref<AuthQuery>({ cli: false })
  const status = ref<LoadStatus>('idle')
  const error = shallowRef<AppError | null>(null)
  const untrusted = ref<UntrustedTarget | null>(null)
  const pollUrl = ref('')
  const request = shallowRef<AccessRequest | null>(null)
  /** The state when the request no longer waits for a sign-in (answered, expired, moved). */
  const answered = shallowRef<AccessState | null>(null)
  const service = shallowRef<Service | null>(null)
  let loading: Promise<AccessRequest | null> = Promise.resolve(null)

  const canSignIn = computed(() => untrusted.value === null && answered.value === null && status.value !== 'error')

  async function resolvePollUrl(platform: Service): Promise<string> {
    if (query.value.pollUrl) return query.value.pollUrl
    if (!query.value.key) throw new AppError('missing-poll-url')
    // Old links carry only the key: the poll URL is the platform's access URL plus the key.
    return (await loadServiceInfo(platform)).access + encodeURIComponent(query.value.key)
  }

  async function load(): Promise<AccessRequest | null> {
    const platform = service.value
    if (!platform) return null
    status.value = 'pending'
    error.value = null
    try {
      pollUrl.value = await resolvePollUrl(platform)
      untrusted.value = findUntrusted([{ role: 'poll', url: pollUrl.value }], trustPolicy())
      if (untrusted.value) return finish(null)
      const state = await fetchAccessState(platform, pollUrl.value)
      if (state.status !== 'NEED_SIGNIN') {
        answered.value = state
        // Multi-core hand-off: the request goes on at another address (http(s) only).
        if (state.status === 'REDIRECTED' && state.redirectUrl) navigateTo(state.redirectUrl)
        return finish(null)
      }
      if (state.serviceInfo) adoptServiceInfo(platform, state.serviceInfo)
      untrusted.value = findUntrustedServiceInfo(state.serviceInfo ?? (await loadServiceInfo(platform)), trustPolicy())
      if (untrusted.value) return finish(null)
      request.value = state
      await applyLanguage([state.lang, query.value.lang])
      return finish(state)
    } catch (err) {
      error.value = toAppError(err)
      status.value = 'error'
      return null
    }
  }

  function finish(result: AccessRequest | null): AccessRequest | null {
    status.value = 'done'
    return result
  }

  /** Reads the link and starts loading the poll state; the sign-in form shows meanwhile. */
  function start(rawQuery: RawQuery): void {
    query.value = readAuthQuery(rawQuery)
    const serviceInfoUrl = new URL(query.value.serviceInfoUrl ?? config.defaultServiceInfoUrl, window.location.href).href
    untrusted.value = findUntrusted([{ role: 'service-info', url: serviceInfoUrl }], trustPolicy())
    if (untrusted.value) return
    service.value = openService(serviceInfoUrl)
    loading = load()
  }

  /** The loaded request, waiting for it if needed; null when the page cannot sign in for it. */
  async function ready(): Promise<AccessRequest | null> {
    const result = await loading
    return canSignIn.value ? result : null
  }

  function retry(): void {
    loading = load()
  }

  /** Fetches the state again, e.g. before acting on a request another tab may have answered. */
  async function refreshState(): Promise<AccessState> {
    const platform = service.value
    if (!platform) throw new AppError('unknown')
    const state = await fetchAccessState(platform, pollUrl.value)
    if (state.status !== 'NEED_SIGNIN') answered.value = state
    return state
  }

  return { query, status, error, untrusted, pollUrl, request, answered, service, canSignIn, start, ready, retry, refreshState }
})
