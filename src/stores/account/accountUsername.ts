import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { useAsyncAction } from '@/composables/useAsyncAction'
import {
  changeUsername,
  readUsernameChanges,
  sessionUnderName,
  usernameRefusal,
  type UsernameChanges,
  type UsernameRefusal,
} from '@/services/account/usernameChange'
import { useAccountSessionStore } from './accountSession'

/** Changing the account's username: the changes left, the password asked again, then the session under the new name. */
export const useAccountUsernameStore = defineStore('accountUsername', () => {
  const session = useAccountSessionStore()
  const loading = useAsyncAction()
  const action = useAsyncAction()
  const changes = shallowRef<UsernameChanges | null>(null)
  const refusal = shallowRef<UsernameRefusal | null>(null)
  /** The former name, once changed: the section says which name to sign in with from now on. */
  const changedFrom = shallowRef<string | null>(null)

  function load(): Promise<unknown> {
    return loading.run(async () => {
      changes.value = await session.call(readUsernameChanges)
    })
  }

  /** The page's checks, the password (by a sign-in with the page's app id), then the change. */
  function change(wanted: string, password: string): Promise<unknown> {
    return action.run(async () => {
      const current = session.own?.username ?? ''
      refusal.value = usernameRefusal(wanted, current)
      changedFrom.value = null
      if (refusal.value) return
      const service = await session.recheckPassword(password)
      const outcome = await session.call((connection) => changeUsername(connection, wanted))
      if (!outcome.ok) {
        refusal.value = outcome.refusal
        return
      }
      session.adopt(await session.call((connection) => sessionUnderName(service, connection, outcome.username)))
      changedFrom.value = current
      const known = changes.value
      if (known && outcome.remaining !== null)
        changes.value = { used: known.used + 1, limit: known.limit, remaining: outcome.remaining }
    })
  }

  return {
    changes,
    refusal,
    changedFrom,
    loadStatus: loading.status,
    loadError: loading.error,
    status: action.status,
    error: action.error,
    load,
    change,
  }
})
