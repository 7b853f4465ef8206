// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { removeAccesses } from '@/services/account/accessRemoval'
import { toAppError } from '@/services/appError'
import { fakeApiSession, type ApiCall } from '../fakeApi'

afterEach(() => vi.unstubAllGlobals())

function idOf(call: ApiCall): string {
  return String(call.params.id)
}

describe('removeAccesses', () => {
  it('sends one delete per access in one request, and counts what the platform removed with them', async () => {
    const { session, calls } = fakeApiSession((call) =>
      idOf(call) === 'app'
        ? { accessDeletion: { id: 'app' }, relatedDeletions: [{ id: 'share' }, { nope: 1 }] }
        : { accessDeletion: { id: idOf(call) } },
    )
    const outcome = await removeAccesses(session.connection, ['app', 'link'])
    expect(calls).toEqual([
      { method: 'accesses.delete', params: { id: 'app' } },
      { method: 'accesses.delete', params: { id: 'link' } },
    ])
    expect(outcome).toEqual({ removed: ['app', 'share', 'link'], refused: [] })
    expect(vi.mocked(fetch)).toHaveBeenCalledTimes(1)
  })

  it('counts an access already gone as removed, and reports each refusal with its id', async () => {
    const { session } = fakeApiSession((call) => {
      if (idOf(call) === 'gone') return { error: { id: 'unknown-resource', message: 'Unknown access "gone"' } }
      if (idOf(call) === 'kept') return { error: { id: 'forbidden', message: 'insufficient permissions' } }
      return { accessDeletion: { id: idOf(call) } }
    })
    const outcome = await removeAccesses(session.connection, ['gone', 'kept', 'fine'])
    expect(outcome.removed).toEqual(['gone', 'fine'])
    expect(outcome.refused.map(({ id, error }) => [id, error.code])).toEqual([['kept', 'forbidden']])
  })

  it('throws a refusal of the whole request, such as an ended session', async () => {
    const { session } = fakeApiSession(() => ({}))
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            JSON.stringify({ error: { id: 'invalid-access-token', message: 'Access session has expired.' } }),
            {
              status: 403,
              headers: { 'Content-Type': 'application/json' },
            },
          ),
      ),
    )
    const failure = await removeAccesses(session.connection, ['app']).catch(toAppError)
    expect(failure).toMatchObject({ code: 'session-expired' })
  })

  it('counts the asked access as removed when the platform does not name it, and skips related ones it cannot read', async () => {
    const { session } = fakeApiSession((call) =>
      idOf(call) === 'app'
        ? { relatedDeletions: [null, 'share', { id: 'share-2' }, { id: '' }] }
        : { accessDeletion: 'link', relatedDeletions: { id: 'x' } },
    )
    const outcome = await removeAccesses(session.connection, ['app', 'link'])
    expect(outcome).toEqual({ removed: ['app', 'share-2', 'link'], refused: [] })
  })
})
