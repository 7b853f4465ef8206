import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The floor's one store: just enough for pinia to be part of the bundle. */
export const useFloorSession = defineStore('floorSession', () => {
  const username = ref('')

  function submit(login: string): void {
    username.value = login
  }

  return { username, submit }
})
