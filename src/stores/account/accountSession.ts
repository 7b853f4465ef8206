import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import { config } from '@/config'
import { checkPassword } from '@/services/account/passwordCheck'
import { readOwnAccess, type OwnAccess } from '@/services/account/ownAccess'
import { pageWasReloaded } from '@/services/account/pageReload'
import { AppError, toAppError } from '@/services/appError'
import type { Service } from '@/services/platform'
import { signOut as logOut, type Session } from '@/services/signIn'
import { useAuthSessionStore } from '@/stores/authSession'
import { usePlatformStore } from '@/stores/platform'

type Connection = Session['connection']

export type AccountView = 'sign-in' | 'mfa' | 'recovery' | 'signed-in'

/** Why the sign-in shows: the page was reloaded, the person signed out, or the platform ended the session. */
export type SignedOutReason = 'reloaded' | 'signed-out' | 'sign-out-unconfirmed' | 'expired'

/** An action the end of the session cut off: offered again after the next sign-in, never repeated unasked. */
export interface Interruption {
  /** Removing an access, or switching two-factor on or off. */
  action: 'remove' | 'mfa-on' | 'mfa-off'
  /** The access the action was about (a group's main access id); empty for two-factor. */
  key: string
  title: string
}

/**
 * The account area's session: a personal sign-in (MFA included) whose token lives in memory only, checked to be
 * personal, ended by "Sign out" (auth.logout) or by the platform (any call answering an ended session).
 */
export const useAccountSessionStore = defineStore('accountSession', () => {
  const platform = usePlatformStore()
  const authSession = useAuthSessionStore()
  const { status, error, run, clear } = useAsyncAction()
  const own = shallowRef<(OwnAccess & { username: string }) | null>(null)
  const reason = ref<SignedOutReason | null>(pageWasReloaded() ? 'reloaded' : null)
  const interrupted = shallowRef<Interruption | null>(null)
  const signingOut = ref(false)
  /** The account's name once it was deleted: the area shows only that it is gone. */
  const deleted = ref<string | null>(null)
  // Stryker disable next-line StringLiteral: equivalent, sign-in usernames are lowercased so no other non-username start value can match one
  let lastUsername = ''

  const view = computed<AccountView>(() => {
    if (own.value) return 'signed-in'
    return authSession.step === 'mfa' || authSession.step === 'recovery' ? authSession.step : 'sign-in'
  })

  /** Before the sign-in shows: the platform's service info, so its name and look are there from the first screen. */
  function start(): void {
    void platform.info().catch(() => undefined)
  }

  /** Opens the area once the sign-in gave a session; false while it waits for an MFA code. */
  async function enter(session: Session | null): Promise<boolean> {
    if (authSession.error) throw authSession.error
    if (!session) return false
    try {
      own.value = { ...(await readOwnAccess(session.connection)), username: session.username }
    } catch (err) {
      await authSession.close()
      authSession.backToCredentials()
      throw err
    }
    // What another account's session was doing is not this one's to offer.
    if (session.username !== lastUsername) interrupted.value = null
    lastUsername = session.username
    reason.value = null
    return true
  }

  function submit(login: string, password: string): Promise<boolean | null> {
    return run(async () => {
      const service = await platform.trustedService()
      return service ? enter(await authSession.submitCredentials(service, login, password)) : false
    })
  }

  const mfaActions = {
    submitCode: (code: string) => run(async () => enter(await authSession.submitMfaCode(code))),
    submitRecoveryCode: (code: string) => run(async () => enter(await authSession.submitRecoveryCode(code))),
    showStep: (step: 'mfa' | 'recovery') => {
      clear()
      authSession.showStep(step)
    },
    cancel: () => {
      clear()
      authSession.backToCredentials()
    },
  }

  /** Back to the sign-in, saying why; the session is dropped without a call (the platform ended it, or was told). */
  function end(why: SignedOutReason, cutOff: Interruption | null = null): void {
    // Dropped here rather than by `authSession.close()`, which would tell the platform again.
    authSession.session = null
    authSession.backToCredentials()
    own.value = null
    reason.value = why
    interrupted.value = cutOff
    clear()
  }

  /**
   * Runs a platform call with the session's connection. An ended session (403 `invalid-access-token`) returns to
   * the sign-in with a message, keeping `cutOff` to offer again; the error still reaches the caller.
   */
  async function call<T>(work: (connection: Connection) => Promise<T>, cutOff: Interruption | null = null): Promise<T> {
    const connection = authSession.session?.connection
    try {
      if (!connection) throw new AppError('session-expired')
      return await work(connection)
    } catch (err) {
      const failure = toAppError(err)
      if (failure.code === 'session-expired') end('expired', cutOff)
      throw failure
    }
  }

  /** auth.logout, then the session is forgotten; if the platform could not be told, the sign-in says so. */
  async function signOut(): Promise<void> {
    const session = authSession.session
    if (!session || signingOut.value) return
    signingOut.value = true
    try {
      await logOut(session)
      end('signed-out')
    } catch (err) {
      end(toAppError(err).code === 'session-expired' ? 'signed-out' : 'sign-out-unconfirmed')
    } finally {
      signingOut.value = false
    }
  }

  /**
   * A session of this account to go on with: the same token under a new name after a username change, or the one
   * a password check opened (which replaces the old one once the name changed).
   */
  function adopt(session: Session): void {
    authSession.session = markRaw(session)
    if (own.value) own.value = { ...own.value, username: session.username }
    lastUsername = session.username
  }

  /**
   * The password asked again before a sensitive change, checked by a sign-in with the page's app id (a wrong one
   * throws `invalid-credentials`); the session it gives is the one to go on with. Returns the platform it checked
   * with, for the call that follows.
   */
  async function recheckPassword(password: string, cutOff: Interruption | null = null): Promise<Service> {
    const service = await platform.trustedService()
    const username = own.value?.username
    if (!service || !username) throw new AppError('network')
    const checked = await call(() => checkPassword(service, username, password, config.appId), cutOff)
    if (checked) adopt(checked)
    return service
  }

  /** The account is gone, and its session with it (the platform ended it): only that is shown from now on. */
  function forgetDeleted(username: string): void {
    // Stryker disable next-line StringLiteral: equivalent, the reason is cleared just below
    end('signed-out')
    reason.value = null
    deleted.value = username
  }

  function dismissInterruption(): void {
    interrupted.value = null
  }

  return {
    status,
    error,
    own,
    reason,
    interrupted,
    signingOut,
    deleted,
    view,
    start,
    submit,
    mfaActions,
    call,
    signOut,
    adopt,
    recheckPassword,
    forgetDeleted,
    dismissInterruption,
  }
})
