import { beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick, shallowRef } from 'vue'
import type { Connection } from 'pryv'
import { useSessionStreamNames } from '@/composables/useSessionStreamNames'
import type { Session } from '@/services/signIn'
import { loadStreamNaming, withStreamName, type StreamNaming } from '@/services/streamNames'

vi.mock('@/services/streamNames', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/services/streamNames')>()),
  loadStreamNaming: vi.fn(),
}))

const sessionOf = (username: string): Session => ({ username, connection: { username } as unknown as Connection })
const diary = { streamId: 'diary', level: 'read', defaultName: 'Journal' }
const namingBy =
  (names: Map<string, string>): StreamNaming =>
  (permission) =>
    withStreamName(permission, names)

/** A stream list that answers when the test says. */
function pendingNames() {
  let answer: (naming: StreamNaming) => void = () => undefined
  let refuse: (error: Error) => void = () => undefined
  const promise = new Promise<StreamNaming>((resolve, reject) => {
    answer = resolve
    refuse = reject
  })
  return { promise, answer, refuse }
}

/** Lets the stream list's answer reach the page (the service is imported lazily, then called). */
async function settled(): Promise<void> {
  await vi.dynamicImportSettled()
  await new Promise((resolve) => setTimeout(resolve, 0))
}

beforeEach(() => {
  vi.mocked(loadStreamNaming).mockReset()
})

describe('useSessionStreamNames', () => {
  it('asks for nothing without a session, then names by the session that opens, each new one starting from none', async () => {
    const session = shallowRef<Session | null>(null)
    const naming = useSessionStreamNames(() => session.value)
    expect(naming.value(diary)).toEqual(diary)
    await settled()
    expect(loadStreamNaming).not.toHaveBeenCalled()

    const alice = sessionOf('alice')
    vi.mocked(loadStreamNaming).mockResolvedValue(namingBy(new Map([['diary', 'Diary']])))
    session.value = alice
    await vi.waitFor(() => expect(naming.value(diary)).toEqual({ ...diary, name: 'Diary' }))
    expect(vi.mocked(loadStreamNaming).mock.calls).toEqual([[alice.connection]])

    // Closing the session keeps what the person read; the next one starts from the request's names.
    session.value = null
    await nextTick()
    expect(naming.value(diary)).toEqual({ ...diary, name: 'Diary' })
    vi.mocked(loadStreamNaming).mockReturnValue(new Promise(() => undefined))
    session.value = sessionOf('bob')
    await nextTick()
    expect(naming.value(diary)).toEqual(diary)
  })

  it("never shows a replaced session's names, and keeps the request's when the list is refused", async () => {
    const first = pendingNames()
    const second = pendingNames()
    vi.mocked(loadStreamNaming).mockReturnValueOnce(first.promise).mockReturnValueOnce(second.promise)
    const session = shallowRef<Session | null>(null)
    const naming = useSessionStreamNames(() => session.value)
    session.value = sessionOf('alice')
    await settled()
    session.value = sessionOf('bob')
    await settled()
    expect(loadStreamNaming).toHaveBeenCalledTimes(2)
    first.answer(namingBy(new Map([['diary', 'Alice’s diary']])))
    await settled()
    expect(naming.value(diary)).toEqual(diary)
    second.refuse(new Error('forbidden'))
    await settled()
    expect(naming.value(diary)).toEqual(diary)
  })
})
