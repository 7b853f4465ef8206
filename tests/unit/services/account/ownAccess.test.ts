// @vitest-environment node
import type { Connection } from 'pryv'
import { describe, expect, it, vi } from 'vitest'
import { readOwnAccess } from '@/services/account/ownAccess'
import { toAppError } from '@/services/appError'

function connectionAnswering(info: unknown): Connection {
  return { accessInfo: vi.fn(async () => info) } as unknown as Connection
}

describe('readOwnAccess', () => {
  it("takes the personal session's id and app id, and not its token", async () => {
    const own = await readOwnAccess(
      connectionAnswering({ type: 'personal', id: 'p-web', name: 'pryv-app-web-auth-3', token: 'secret-token' }),
    )
    expect(own).toEqual({ id: 'p-web', appId: 'pryv-app-web-auth-3' })
  })

  it('refuses a token that is not personal, an ended session and an answer without an id', async () => {
    const failure = (info: unknown) =>
      readOwnAccess(connectionAnswering(info)).catch((err: unknown) => toAppError(err).code)
    expect(await failure({ type: 'app', id: 'a' })).toBe('forbidden')
    expect(await failure({ error: { id: 'invalid-access-token', message: 'Access session has expired.' } })).toBe(
      'session-expired',
    )
    expect(await failure({ type: 'personal' })).toBe('unexpected-answer')
  })

  it('takes no app id from a personal session that answers none', async () => {
    expect(await readOwnAccess(connectionAnswering({ type: 'personal', id: 'p-web' }))).toEqual({
      id: 'p-web',
      appId: '',
    })
  })

  it('calls an empty answer unexpected rather than failing on it', async () => {
    for (const info of [null, undefined, 'p-web']) {
      await expect(readOwnAccess(connectionAnswering(info))).rejects.toMatchObject({ code: 'unexpected-answer' })
    }
  })
})
