import { defineStore } from 'pinia'
import { ref } from 'vue'
import { config } from '@/config'
import { AppError } from '@/services/appError'
import { queryValue, type RawQuery } from '@/services/authQuery'
import { requestPasswordReset, resetPassword } from '@/services/passwords'
import { findUsername } from '@/services/users'
import { usePlatformStore } from './platform'
import { reachedEnd, useAsyncAction } from '@/composables/useAsyncAction'

export type ResetMode = 'request' | 'reset'

/**
 * The neutral answer to a reset request comes no sooner than this: an unknown
 * account skips the reset call, and must not be told apart by a quicker answer.
 */
export const neutralAnswerMs = 1500

function waitUntil(time: number): Promise<void> {
  const left = time - performance.now()
  return left > 0 ? new Promise((resolve) => setTimeout(resolve, left)) : Promise.resolve()
}

/** Forgotten password: ask for the reset mail, or set a new password with the token the mail linked to. */
export const usePasswordResetStore = defineStore('passwordReset', () => {
  const platform = usePlatformStore()
  const { status, error, run, clear } = useAsyncAction()
  const mode = ref<ResetMode>('request')
  // The mailed token lives here only: never in the state, the URL or storage.
  let resetToken = ''

  /** Reads the link: with a `resetToken` the page sets a new password, else it asks for the mail. */
  function start(query: RawQuery): void {
    resetToken = queryValue(query, 'resetToken') ?? ''
    mode.value = resetToken ? 'reset' : 'request'
    clear()
  }

  /** Same answer whether or not the account exists; only errors the user can act on are told. */
  async function requestMail(login: string): Promise<void> {
    await run(async () => {
      const started = performance.now()
      const service = await platform.trustedService()
      if (!service) return false
      // Existence is checked first so an unknown name never reaches the API (on DNS platforms its host does not exist).
      const username = await findUsername(service, login)
      if (username) await requestPasswordReset(service, username, config.appId)
      await waitUntil(started + neutralAnswerMs)
      return true
    }, reachedEnd)
  }

  async function resetWithToken(login: string, newPassword: string): Promise<void> {
    await run(async () => {
      const service = await platform.trustedService()
      if (!service) return false
      const username = await findUsername(service, login)
      if (!username) throw new AppError('invalid-reset-token')
      await resetPassword(service, username, newPassword, resetToken, config.appId)
      // Tokens work once.
      resetToken = ''
      return true
    }, reachedEnd)
  }

  /** The way out of a refused token: ask for a new mail (the old token is dropped). */
  function askForNewMail(): void {
    resetToken = ''
    mode.value = 'request'
    clear()
  }

  return { mode, status, error, start, requestMail, resetWithToken, askForNewMail }
})
