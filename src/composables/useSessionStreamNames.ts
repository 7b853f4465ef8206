import { shallowRef, watch, type Ref } from 'vue'
import type { Session } from '@/services/signIn'
import type { StreamNaming } from '@/services/streamNames'

/** Until the person's names are known: the request's own names, else the ids (see `describePermission`). */
const asRequested: StreamNaming = (permission) => permission

/**
 * The signed-in person's names of their streams, for display only. Asked for as soon as a session opens, beside what
 * the page reads then, and never waited for: until they answer (or when the platform refuses them) the request's own
 * names show. Another session starts from none: it never shows the names of the session before it.
 */
export function useSessionStreamNames(session: () => Session | null): Ref<StreamNaming> {
  const naming = shallowRef<StreamNaming>(asRequested)
  watch(session, (current) => {
    // Closing the session (as an answer is sent) leaves the page as the person last read it.
    if (!current) return
    naming.value = asRequested
    // The service is fetched as a session opens, outside the page's first load: nothing waits for it.
    import('@/services/streamNames')
      .then(({ loadStreamNaming }) => loadStreamNaming(current.connection))
      .then(
        (loaded) => {
          if (session() === current) naming.value = loaded
        },
        () => undefined,
      )
  })
  return naming
}
