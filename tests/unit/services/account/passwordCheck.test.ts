// @vitest-environment node
import type { Service } from 'pryv'
import { describe, expect, it, vi } from 'vitest'
import { checkPassword } from '@/services/account/passwordCheck'
import { AppError } from '@/services/appError'
import { signIn } from '@/services/signIn'

vi.mock('@/services/signIn', () => ({ signIn: vi.fn() }))

const service = {} as Service

describe('checkPassword', () => {
  it('signs in with the page’s app id; a session or an MFA requirement both mean the password is right', async () => {
    vi.mocked(signIn).mockResolvedValueOnce({ kind: 'mfa-required', username: 'alice', mfaToken: 'm' })
    await expect(checkPassword(service, 'alice', 'secret', 'our-app')).resolves.toBeNull()
    expect(signIn).toHaveBeenCalledWith(service, 'alice', 'secret', 'our-app')
  })

  it('gives the session the sign-in opened, for the caller to go on with', async () => {
    const session = { username: 'alice', connection: { token: 'fresh-token' } } as never
    vi.mocked(signIn).mockResolvedValueOnce({ kind: 'signed-in', session })
    await expect(checkPassword(service, 'alice', 'secret', 'our-app')).resolves.toBe(session)
  })

  it('passes a wrong password on', async () => {
    vi.mocked(signIn).mockRejectedValueOnce(new AppError('invalid-credentials'))
    await expect(checkPassword(service, 'alice', 'wrong', 'our-app')).rejects.toMatchObject({
      code: 'invalid-credentials',
    })
  })
})
