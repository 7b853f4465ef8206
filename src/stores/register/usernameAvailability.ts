import { defineStore } from 'pinia'
import { ref } from 'vue'
import { isValidUsername, normalizeUsername } from '@/services/register/accountRules'
import { isUsernameTaken, type Availability } from '@/services/register/registration'
import { usePlatformStore } from '@/stores/platform'

/** Long enough that a word typed at normal speed makes one request, short enough to answer while the person looks. */
export const availabilityDebounceMs = 400

/** Whether a username is free, asked to the platform as the person types (advisory: creation decides). */
export const useUsernameAvailabilityStore = defineStore('usernameAvailability', () => {
  const platform = usePlatformStore()
  const availability = ref<Availability>('unknown')
  /** The normalized username the availability is about. */
  const username = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = 0

  async function ask(name: string): Promise<void> {
    const question = ++asked
    availability.value = 'checking'
    try {
      const info = await platform.info()
      const taken = info ? await isUsernameTaken(info.register, name) : null
      if (question === asked) availability.value = taken === null ? 'unknown' : taken ? 'taken' : 'available'
    } catch {
      // Only a hint: when the platform cannot say, creation still gives the answer.
      if (question === asked) availability.value = 'unknown'
    }
  }

  /** Called on each keystroke: asks once the person pauses, and only for names the platform could accept. */
  function typed(value: string): void {
    const name = normalizeUsername(value)
    if (name === username.value) return
    clearTimeout(timer)
    asked++
    username.value = name
    availability.value = 'unknown'
    if (isValidUsername(name)) timer = setTimeout(() => void ask(name), availabilityDebounceMs)
  }

  function stop(): void {
    clearTimeout(timer)
    asked++
  }

  return { availability, username, typed, stop }
})
