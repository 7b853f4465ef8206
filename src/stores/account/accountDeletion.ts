import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { confirmsUsername, deleteAccount, deletionHelp, type DeletionHelp } from '@/services/account/accountDeletion'
import { toAppError, type AppError } from '@/services/appError'
import { usePlatformStore } from '@/stores/platform'
import { useAccountSessionStore } from './accountSession'

/** Where the deletion stands: `refused` when the platform does not let accounts delete themselves. */
export type DeletionStatus = 'idle' | 'pending' | 'deleted' | 'refused' | 'error'

/** Deleting the account: its name typed and the password asked again, then the call; the area then shows it is gone. */
export const useAccountDeletionStore = defineStore('accountDeletion', () => {
  const session = useAccountSessionStore()
  const status = ref<DeletionStatus>('idle')
  const error = shallowRef<AppError | null>(null)
  const help = shallowRef<DeletionHelp>(deletionHelp(null))

  /** One deletion at a time (a double click sends one request); nothing is sent unless the name typed matches. */
  async function remove(typedUsername: string, password: string): Promise<void> {
    const username = session.own?.username ?? ''
    if (status.value === 'pending' || !confirmsUsername(typedUsername, username)) return
    status.value = 'pending'
    error.value = null
    try {
      const service = await session.recheckPassword(password)
      await session.call((connection) => deleteAccount(service, connection, username))
      status.value = 'deleted'
      session.forgetDeleted(username)
    } catch (err) {
      error.value = toAppError(err)
      status.value = error.value.code === 'deletion-refused' ? 'refused' : 'error'
    }
  }

  /** A fresh start when the section shows (again, after signing in anew, say), with where to ask for a deletion. */
  async function start(): Promise<void> {
    if (status.value !== 'pending') {
      status.value = 'idle'
      error.value = null
    }
    help.value = deletionHelp(
      await usePlatformStore()
        .info()
        .catch(() => null),
    )
  }

  return { status, error, help, remove, start }
})
