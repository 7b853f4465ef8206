import { shallowRef, watch, type Ref } from 'vue'
import type { Session } from '@/services/signIn'
import { loadStreamNames, type StreamNames } from '@/services/streamNames'

/**
 * The signed-in person's names of their streams, for display only. Asked for as soon as a session opens, beside what
 * the page reads then, and never waited for: until they answer (or when the platform refuses them) the request's own
 * names show. Another session starts from none: it never shows the names of the session before it.
 */
export function useSessionStreamNames(session: () => Session | null): Ref<StreamNames> {
  const names = shallowRef<StreamNames>(new Map())
  watch(
    session,
    (current) => {
      // Closing the session (as an answer is sent) leaves the page as the person last read it.
      if (!current) return
      names.value = new Map()
      loadStreamNames(current.connection).then(
        (loaded) => {
          if (session() === current) names.value = loaded
        },
        () => undefined,
      )
    },
    { immediate: true },
  )
  return names
}
