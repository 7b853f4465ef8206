import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { config } from '@/config'
import { AppError, toAppError } from '@/services/appError'
import { readVerifyLink, verifyEmail, verifyOnce, type VerifyOutcome } from '@/services/account/emailVerification'
import { takeFromAddress } from '@/services/linkSecrets'
import { usePlatformStore } from './platform'

// Told beside the field, which takes the focus, so the person can retype the name.
const unknownUser = new AppError('unknown-user')

/** What the verify-email page shows: the name to ask for, the call running, or its outcome. */
export type VerifyView = 'ask' | 'pending' | VerifyOutcome['kind']

/** A mailed verification link: read once, its token sent once, its outcome kept for the rest of the visit. */
export const useEmailVerificationStore = defineStore('emailVerification', () => {
  const platform = usePlatformStore()
  const view = ref<VerifyView>('pending')
  const email = ref('')
  const error = shallowRef<AppError | null>(null)
  /** The link did not name the account: the page asks for it, and keeps the form while the call runs. */
  const asking = ref(false)
  // The token lives in this closure only: never in the state, the URL or storage.
  /** The panel shown: the form stays while its call runs and when the name was unknown, so the field keeps its text. */
  const panel = computed(() => {
    if (view.value === 'ask' || view.value === 'unknown-user') return 'form'
    return view.value === 'pending' && asking.value ? 'form' : view.value
  })
  let verify: ((login: string) => Promise<VerifyOutcome>) | null = null
  let lastLogin = ''

  async function send(login: string, token: string): Promise<VerifyOutcome> {
    try {
      const service = await platform.trustedService()
      // An untrusted platform is never sent the token; the page's shell says why instead of this page.
      if (!service) return { kind: 'failed', error: new AppError('forbidden') }
      return await verifyEmail(service, login, token, config.appId)
    } catch (err) {
      return { kind: 'failed', error: toAppError(err) }
    }
  }

  /** Sends the token for the account this username or e-mail names; an ask while one runs makes no call. */
  async function submit(login: string): Promise<void> {
    if (!verify) return
    lastLogin = login
    view.value = 'pending'
    const outcome = await verify(login)
    view.value = outcome.kind
    if (outcome.kind === 'verified') email.value = outcome.email
    error.value = outcome.kind === 'failed' ? outcome.error : outcome.kind === 'unknown-user' ? unknownUser : null
  }

  /** Reads the link the router's guard took out of the address; a page shown again keeps its outcome. */
  function start(): void {
    const link = readVerifyLink(takeFromAddress('verifyToken'), takeFromAddress('username'))
    if (!link) {
      if (!verify) view.value = 'invalid-link'
      return
    }
    verify = verifyOnce((login) => send(login, link.token))
    email.value = ''
    error.value = null
    asking.value = !link.username
    if (link.username) void submit(link.username)
    else view.value = 'ask'
  }

  return {
    view,
    email,
    error,
    panel,
    start,
    submit,
    retry: () => submit(lastLogin),
    retype: () => void (view.value = 'ask'),
  }
})
