import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, shallowRef } from 'vue'
import type { Connection } from 'pryv'
import { useSessionStreamNames } from '@/composables/useSessionStreamNames'
import type { Session } from '@/services/signIn'
import { loadStreamNames, type StreamNames } from '@/services/streamNames'

vi.mock('@/services/streamNames', () => ({ loadStreamNames: vi.fn() }))

const sessionOf = (username: string): Session => ({ username, connection: { username } as unknown as Connection })

/** A stream list that answers when the test says. */
function pendingNames() {
  let answer: (names: StreamNames) => void = () => undefined
  let refuse: (error: Error) => void = () => undefined
  const promise = new Promise<StreamNames>((resolve, reject) => {
    answer = resolve
    refuse = reject
  })
  return { promise, answer, refuse }
}

beforeEach(() => {
  vi.mocked(loadStreamNames).mockReset()
})

describe('useSessionStreamNames', () => {
  it('asks for nothing without a session, then for the names of each session that opens, each starting from none', async () => {
    const session = shallowRef<Session | null>(null)
    const names = useSessionStreamNames(() => session.value)
    expect(loadStreamNames).not.toHaveBeenCalled()
    const alice = sessionOf('alice')
    vi.mocked(loadStreamNames).mockResolvedValue(new Map([['diary', 'Diary']]))
    session.value = alice
    await vi.waitFor(() => expect(names.value).toEqual(new Map([['diary', 'Diary']])))
    expect(vi.mocked(loadStreamNames).mock.calls).toEqual([[alice.connection]])

    session.value = null
    await nextTick()
    expect(names.value).toEqual(new Map([['diary', 'Diary']]))
    vi.mocked(loadStreamNames).mockReturnValue(new Promise(() => undefined))
    session.value = sessionOf('bob')
    await nextTick()
    expect(names.value).toEqual(new Map())
  })

  it("never shows a closed or replaced session's names, and keeps the request's when the list is refused", async () => {
    const first = pendingNames()
    const second = pendingNames()
    vi.mocked(loadStreamNames).mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise)
    const session = shallowRef<Session | null>(sessionOf('alice'))
    const names = useSessionStreamNames(() => session.value)
    session.value = sessionOf('bob')
    await nextTick()
    first.answer(new Map([['diary', 'Alice’s diary']]))
    await first.promise
    expect(names.value).toEqual(new Map())
    second.refuse(new Error('forbidden'))
    await second.promise.catch(() => undefined)
    expect(names.value).toEqual(new Map())
  })
})
