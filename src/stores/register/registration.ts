import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { reachedEnd, useAsyncAction } from '@/composables/useAsyncAction'
import { config } from '@/config'
import { i18n } from '@/i18n'
import {
  checkAccountForm,
  normalizeUsername,
  type AccountField,
  type AccountForm,
  type FieldProblems,
} from '@/services/register/accountRules'
import { queryValue, readAuthQuery, type RawQuery } from '@/services/authQuery'
import { navigateTo } from '@/services/browserWindow'
import { createAccount } from '@/services/register/registration'
import { termsOfUse, type TermsOfUse } from '@/services/register/termsOfUse'
import { useAuthFlowStore } from '@/stores/auth/authFlow'
import { useAuthRequestStore } from '@/stores/auth/authRequest'
import { useHostingsStore } from './hostings'
import { usePlatformStore } from '@/stores/platform'
import { useUsernameAvailabilityStore } from './usernameAvailability'

/** `signing-in` and `consent` happen inside an auth request; `created` outside one. */
export type RegistrationPhase = 'form' | 'signing-in' | 'consent' | 'created'

/** Long enough to read that the account is ready, short enough not to wait for nothing. */
export const homeRedirectDelayMs = 2000

/** Creating an account, then the auth request's consent or the user's home. */
export const useRegistrationStore = defineStore('registration', () => {
  const platform = usePlatformStore()
  const authRequest = useAuthRequestStore()
  const hostings = useHostingsStore()
  const availability = useUsernameAvailabilityStore()
  const { status, error, run, clear } = useAsyncAction()
  const phase = ref<RegistrationPhase>('form')
  const problems = ref<FieldProblems>({})
  const inAuthRequest = ref(false)
  const terms = shallowRef<TermsOfUse | null>(null)
  /** The user's home (their API endpoint, without token), once the account exists. */
  const homeUrl = ref('')
  let link: RawQuery = {}

  /** Opens the platform, the auth request when the link carries one, and what the form offers. */
  function start(query: RawQuery): void {
    link = query
    const { pollUrl, key } = readAuthQuery(query)
    inAuthRequest.value = Boolean(pollUrl || key)
    if (inAuthRequest.value) useAuthFlowStore().start(query)
    hostings.load()
    void platform.info().then(
      (info) => (terms.value = termsOfUse(info)),
      () => undefined,
    )
  }

  function clearProblem(field: AccountField): void {
    if (problems.value[field]) problems.value = { ...problems.value, [field]: undefined }
  }

  async function chosenHosting(form: AccountForm): Promise<string> {
    if (form.hosting) return form.hosting
    return (await hostings.ready())[0]?.key ?? ''
  }

  /** Inside an auth request the requesting app is the referer; outside, the link may name one. */
  async function referer(): Promise<string | undefined> {
    if (!inAuthRequest.value) return queryValue(link, 'referer')
    return (await authRequest.ready())?.requestingAppId ?? queryValue(link, 'requestingAppId')
  }

  function checkLocally(form: AccountForm): boolean {
    problems.value = checkAccountForm(form)
    const username = normalizeUsername(form.username)
    if (!problems.value.username && availability.username === username && availability.availability === 'taken') {
      problems.value = { ...problems.value, username: { rule: 'taken' } }
    }
    return Object.keys(problems.value).length === 0
  }

  async function continueSignedIn(username: string, password: string): Promise<void> {
    phase.value = 'signing-in'
    // The auth page takes over once the flow has left the sign-in step, so its form never flashes.
    await useAuthFlowStore().signIn(username, password)
    phase.value = 'consent'
  }

  function goHome(apiEndpoint: string): void {
    homeUrl.value = platform.trust([{ role: 'api', url: apiEndpoint }]) ? apiEndpoint : ''
    phase.value = 'created'
    if (homeUrl.value) setTimeout(openHome, homeRedirectDelayMs)
  }

  function openHome(): void {
    navigateTo(homeUrl.value)
  }

  /** True once the account exists and the flow went on; a refusal is thrown, its fields in `problems`. */
  async function create(form: AccountForm): Promise<boolean> {
    // Its service info checked first: the password only goes to a register URL of a trusted platform.
    const service = await platform.trustedService()
    // No service: the page is framed or the platform untrusted, and the app shows why instead of any page.
    if (!service) return false
    const hosting = await chosenHosting(form)
    if (!hosting) {
      problems.value = { hosting: { rule: 'required' } }
      return false
    }
    const result = await createAccount(service, {
      email: form.email.trim(),
      username: normalizeUsername(form.username),
      password: form.password,
      hosting,
      appId: config.appId,
      language: i18n.global.locale.value,
      referer: await referer(),
    })
    if (result.kind === 'refused') {
      problems.value = result.fields
      throw result.error
    }
    if (inAuthRequest.value) await continueSignedIn(result.username, form.password)
    else goHome(result.apiEndpoint)
    return true
  }

  /** Checks the form, creates the account, then continues; false when a field must be corrected. */
  async function submit(form: AccountForm): Promise<boolean> {
    // A click while the account is being created, or after, changes nothing (nor the problems shown).
    if (status.value === 'pending' || phase.value !== 'form') return true
    if (!checkLocally(form)) {
      clear()
      return false
    }
    await run(() => create(form), reachedEnd)
    return Object.keys(problems.value).length === 0
  }

  return { status, phase, error, problems, inAuthRequest, terms, homeUrl, start, clearProblem, submit, openHome }
})
