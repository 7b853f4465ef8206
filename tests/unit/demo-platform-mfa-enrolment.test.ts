// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { demoPlatformForTests, type Answer, type Json } from './demoPlatformClient'

// MFA enrolment as open-pryv.io 2.0 answers it: profile/private, mfa/activate (302 with a body), confirm,
// challenge, deactivate, and the platform-wide MFA switch.

const { call } = demoPlatformForTests()

const user = 'demo-user'
const password = 'demo-password-1'

async function login(appId = 'test-security'): Promise<Answer> {
  return call('POST', `/${user}/auth/login`, { username: user, password, appId })
}

async function personalToken(): Promise<string> {
  return String((await login()).json.token)
}

async function appToken(): Promise<string> {
  const access = await call('POST', `/_demo/users/${user}/accesses`, {
    name: 'an-app',
    permissions: [{ streamId: 'diary', level: 'read' }],
  })
  return String(access.json.token)
}

async function lastCode(): Promise<string> {
  const sms = (await call('GET', '/_demo/sms')).json as unknown as Array<{ code: string }>
  return sms.at(-1)?.code ?? ''
}

const wrongCodeOf = (code: string) => (code === '000000' ? '111111' : '000000')
const activate = (token: string, body: unknown = { phone: '+41 79 123 45 89' }) =>
  call('POST', `/${user}/mfa/activate`, body, token)
const confirm = (mfaToken: string, code: string) => call('POST', `/${user}/mfa/confirm`, { code }, mfaToken)
const privateProfile = (token: string) => call('GET', `/${user}/profile/private`, undefined, token)

describe('mfa enrolment', () => {
  it('answers 302 with the mfaToken in a JSON body and no Location, then confirms with the SMS code', async () => {
    const token = await personalToken()
    expect((await privateProfile(token)).json.profile).toEqual({})
    const started = await activate(token)
    expect(started.status).toBe(302)
    expect(started.location).toBeNull()
    const mfaToken = String(started.json.mfaToken)
    expect(mfaToken).toMatch(/^c[a-z0-9]{24}$/)
    const confirmed = await confirm(mfaToken, await lastCode())
    expect(confirmed.status).toBe(200)
    const codes = confirmed.json.recoveryCodes as string[]
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    expect((await privateProfile(token)).json.profile).toEqual({
      mfa: { content: { phone: '+41 79 123 45 89' }, recoveryCodes: codes },
    })
    // The session that switched MFA on stays; the next login asks for a code.
    expect((await privateProfile(token)).status).toBe(200)
    expect(Object.keys((await login('test-other')).json)).toEqual(['mfaToken', 'meta'])
  })

  it('refuses a wrong code with the provider’s words and keeps the same mfaToken usable', async () => {
    const mfaToken = String((await activate(await personalToken())).json.mfaToken)
    const code = await lastCode()
    const wrong = await confirm(mfaToken, wrongCodeOf(code))
    expect(wrong.status).toBe(400)
    expect(wrong.json.error).toEqual({
      id: 'invalid-operation',
      message: 'MFA SMS provider error: HTTP 400 Invalid code',
      data: { id: 'mfa-sms-provider-error' },
    })
    expect((await confirm(mfaToken, code)).status).toBe(200)
    const reused = await confirm(mfaToken, code)
    expect([reused.status, reused.json.error]).toEqual([
      401,
      { id: 'invalid-access-token', message: 'Invalid or expired MFA session token.' },
    ])
  })

  it('resends a new code through mfa/challenge, which replaces the first', async () => {
    const mfaToken = String((await activate(await personalToken())).json.mfaToken)
    const first = await lastCode()
    expect((await call('POST', `/${user}/mfa/challenge`, {}, mfaToken)).status).toBe(200)
    const second = await lastCode()
    const sms = (await call('GET', '/_demo/sms')).json as unknown as unknown[]
    expect(sms).toHaveLength(2)
    if (first !== second) expect((await confirm(mfaToken, first)).status).toBe(400)
    expect((await confirm(mfaToken, second)).status).toBe(200)
  })

  it('replaces the phone and the codes when activated again while on', async () => {
    const token = await personalToken()
    const firstToken = String((await activate(token)).json.mfaToken)
    const first = (await confirm(firstToken, await lastCode())).json.recoveryCodes as string[]
    const again = await activate(token, { phone: '+33 6 00 00 00 12' })
    expect(again.status).toBe(302)
    const second = (await confirm(String(again.json.mfaToken), await lastCode())).json.recoveryCodes as string[]
    expect(second.some((code) => first.includes(code))).toBe(false)
    expect((await privateProfile(token)).json.profile).toEqual({
      mfa: { content: { phone: '+33 6 00 00 00 12' }, recoveryCodes: second },
    })
  })

  it('takes personal tokens only, and a login’s mfaToken does not confirm an activation', async () => {
    const app = await appToken()
    for (const answer of [await activate(app), await privateProfile(app)]) {
      expect([answer.status, (answer.json.error as Json).id]).toEqual([403, 'forbidden'])
    }
    const deactivated = await call('POST', `/${user}/mfa/deactivate`, {}, app)
    expect(deactivated.status).toBe(403)
    expect((await activate(await personalToken(), {})).status).toBe(400)
    const loginToken = String(
      (
        await call('POST', '/mfa-user/auth/login', {
          username: 'mfa-user',
          password: 'mfa-password-1',
          appId: 'test-security',
        })
      ).json.mfaToken,
    )
    expect((await call('POST', '/mfa-user/mfa/confirm', { code: await lastCode() }, loginToken)).status).toBe(401)
  })

  it('switches MFA off with mfa/deactivate: the next login opens a session directly', async () => {
    const token = await personalToken()
    await confirm(String((await activate(token)).json.mfaToken), await lastCode())
    const off = await call('POST', `/${user}/mfa/deactivate`, {}, token)
    expect([off.status, off.json.message]).toEqual([200, 'MFA deactivated.'])
    expect((await privateProfile(token)).json.profile).toEqual({})
    expect((await login('test-other')).json.token).toEqual(expect.any(String))
  })
})

describe('a platform with MFA disabled', () => {
  it('answers 503 to activate, confirm, challenge and verify, but deactivates; the switch is reset', async () => {
    const token = await personalToken()
    const mfaToken = String((await activate(token)).json.mfaToken)
    expect((await call('POST', '/_demo/mfa', { enabled: false })).json).toEqual({ enabled: false })
    const unavailable = { id: 'api-unavailable', message: 'MFA is not enabled on this server.' }
    for (const answer of [
      await activate(token),
      await confirm(mfaToken, await lastCode()),
      await call('POST', `/${user}/mfa/challenge`, {}, mfaToken),
      await call('POST', `/${user}/mfa/verify`, { code: '000000' }, mfaToken),
    ]) {
      expect([answer.status, answer.json.error]).toEqual([503, unavailable])
    }
    expect((await call('POST', `/${user}/mfa/deactivate`, {}, token)).status).toBe(200)
    await call('POST', '/_demo/reset')
    expect((await call('GET', '/_demo/mfa')).json).toEqual({ enabled: true })
  })
})
