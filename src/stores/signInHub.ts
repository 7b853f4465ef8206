import { defineStore } from 'pinia'
import { AppError } from '@/services/appError'
import type { RawQuery } from '@/services/authQuery'
import { navigateTo } from '@/services/browserWindow'
import { findUsername, userHomeUrl } from '@/services/users'
import { useActionStatus } from './actionStatus'
import { usePlatformStore } from './platform'

/** Sign-in hub: from a username or an e-mail to the account's home on the platform. */
export const useSignInHubStore = defineStore('signInHub', () => {
  const platform = usePlatformStore()
  const { status, error, run, clear } = useActionStatus()
  let link: RawQuery = {}

  function start(query: RawQuery): void {
    link = query
    clear()
    platform.connect(link).catch(() => undefined)
  }

  /** Leaves for the account's home, an http(s) URL of the trusted platform only. */
  function goToAccount(login: string): Promise<void> {
    return run(async () => {
      const service = await platform.trustedService(link)
      if (!service) return false
      const username = await findUsername(service, login)
      if (!username) throw new AppError('unknown-user')
      const home = await userHomeUrl(service, username)
      if (!platform.trust([{ role: 'api', url: home.href }])) return false
      return navigateTo(home.href)
    })
  }

  return { status, error, start, goToAccount }
})
