import { defineStore } from 'pinia'
import { AppError } from '@/services/appError'
import { navigateTo } from '@/services/browserWindow'
import { existingUsername, userHomeUrl } from '@/services/users'
import { usePlatformStore } from './platform'
import { reachedEnd, useAsyncAction } from '@/composables/useAsyncAction'

/** Sign-in hub: from a username to the account's home on the platform (an e-mail address is never looked up). */
export const useSignInHubStore = defineStore('signInHub', () => {
  const platform = usePlatformStore()
  const { status, error, run, clear } = useAsyncAction()
  function start(): void {
    clear()
  }

  /** Leaves for the account's home, an http(s) URL of the trusted platform only. */
  async function goToAccount(login: string): Promise<void> {
    await run(async () => {
      const service = await platform.trustedService()
      if (!service) return false
      const username = await existingUsername(service, login)
      if (!username) throw new AppError('unknown-user')
      const home = await userHomeUrl(service, username)
      if (!platform.trust([{ role: 'api', url: home.href }])) return false
      return navigateTo(home.href)
    }, reachedEnd)
  }

  return { status, error, start, goToAccount }
})
