import type { Service } from 'pryv'
import { describe, expect, it, vi } from 'vitest'
import { config } from '@/config'
import {
  confirmMfaEnrolment,
  deactivateMfa,
  readMfaStatus,
  resendEnrolmentCode,
  startMfaEnrolment,
} from '@/services/account/mfaEnrolment'
import { checkPassword } from '@/services/account/passwordCheck'
import { AppError } from '@/services/appError'
import { useAccountSecurityStore } from '@/stores/account/accountSecurity'
import { useAccountSessionStore } from '@/stores/account/accountSession'
import { freshPlatform } from '../freshPlatform'

vi.mock('@/services/account/mfaEnrolment', () => ({
  readMfaStatus: vi.fn(),
  startMfaEnrolment: vi.fn(),
  resendEnrolmentCode: vi.fn(),
  confirmMfaEnrolment: vi.fn(),
  deactivateMfa: vi.fn(),
}))
vi.mock('@/services/account/passwordCheck', () => ({ checkPassword: vi.fn() }))

const connection = { token: 'personal-token' }
const service = { name: 'service' } as unknown as Service
const codes = ['code-1', 'code-2']

async function setUp(status: { on: false } | { on: true; phoneHint: string } = { on: false }) {
  freshPlatform(service)
  vi.mocked(readMfaStatus).mockResolvedValue(status)
  vi.mocked(startMfaEnrolment).mockResolvedValue({ kind: 'code-sent', mfaToken: 'mfa-1' })
  vi.mocked(confirmMfaEnrolment).mockResolvedValue(codes)
  const session = useAccountSessionStore()
  session.own = { id: 'p-web', appId: config.appId, username: 'alice' }
  const call = vi.spyOn(session, 'call').mockImplementation(async (work) => work(connection as never))
  const security = useAccountSecurityStore()
  await security.start()
  return { session, security, call }
}

describe('accountSecurity store', () => {
  it('reads the status through the session', async () => {
    const { security } = await setUp({ on: true, phoneHint: '•••• 89' })
    expect(readMfaStatus).toHaveBeenCalledWith(connection)
    expect([security.step, security.mfa, security.loadStatus]).toEqual([
      'status',
      { on: true, phoneHint: '•••• 89' },
      'done',
    ])
  })

  it('switches on: phone, code, recovery codes shown until Done, then gone', async () => {
    const { security, call } = await setUp()
    security.askPhone()
    expect(security.step).toBe('phone')
    await security.submitPhone('+41791234589')
    expect(startMfaEnrolment).toHaveBeenCalledWith(connection, '+41791234589')
    expect(call.mock.calls[1]?.[1]).toEqual({ action: 'mfa-on', key: '', title: '' })
    expect(security.step).toBe('code')
    await security.resend()
    expect(resendEnrolmentCode).toHaveBeenCalledWith(connection, 'mfa-1')
    expect(security.codeResent).toBe(true)
    await security.submitCode('123456')
    expect(confirmMfaEnrolment).toHaveBeenCalledWith(connection, 'mfa-1', '123456')
    expect([security.step, security.recoveryCodes, security.mfa]).toEqual([
      'codes',
      codes,
      { on: true, phoneHint: '•••• 89' },
    ])
    security.finish()
    expect([security.step, security.recoveryCodes]).toEqual(['status', null])
  })

  it('sends one activation and one confirmation however often they are asked for at once', async () => {
    const { security } = await setUp()
    await Promise.all([security.submitPhone('+41791234589'), security.submitPhone('+41791234589')])
    await Promise.all([security.submitCode('1'), security.submitCode('1')])
    expect(startMfaEnrolment).toHaveBeenCalledTimes(1)
    expect(confirmMfaEnrolment).toHaveBeenCalledTimes(1)
  })

  it('keeps the code step on a wrong code, and restarts from the phone when the verification expired', async () => {
    const { security } = await setUp()
    await security.submitPhone('+41791234589')
    vi.mocked(confirmMfaEnrolment).mockRejectedValueOnce(new AppError('invalid-mfa-code'))
    await security.submitCode('000000')
    expect([security.step, security.error?.code, security.recoveryCodes]).toEqual(['code', 'invalid-mfa-code', null])
    await security.submitCode('123456')
    expect(vi.mocked(confirmMfaEnrolment).mock.calls.map((args) => args[1])).toEqual(['mfa-1', 'mfa-1'])
    security.finish()
    await security.submitPhone('+41791234589')
    vi.mocked(confirmMfaEnrolment).mockRejectedValueOnce(new AppError('mfa-expired'))
    await security.submitCode('123456')
    expect([security.step, security.restarted, security.error]).toEqual(['phone', true, null])
    const confirmations = vi.mocked(confirmMfaEnrolment).mock.calls.length
    await security.submitCode('123456')
    await security.resend()
    expect(vi.mocked(confirmMfaEnrolment).mock.calls).toHaveLength(confirmations)
    expect(resendEnrolmentCode).not.toHaveBeenCalled()
    expect([security.step, security.restarted]).toEqual(['phone', true])
    security.askPhone()
    expect(security.restarted).toBe(false)
  })

  it('starts with nothing shown, and each new activation forgets the last one’s notes', async () => {
    freshPlatform(service)
    const fresh = useAccountSecurityStore()
    expect([fresh.step, fresh.unavailable, fresh.codeResent, fresh.restarted, fresh.recoveryCodes]).toEqual([
      'status',
      false,
      false,
      false,
      null,
    ])
    const { security, call } = await setUp()
    await security.submitPhone('+41791234589')
    await security.resend()
    expect(call.mock.lastCall?.[1]).toEqual({ action: 'mfa-on', key: '', title: '' })
    vi.mocked(confirmMfaEnrolment).mockRejectedValueOnce(new AppError('mfa-expired'))
    await security.submitCode('123456')
    expect([security.codeResent, security.restarted]).toEqual([true, true])
    await security.submitPhone('+41791234589')
    expect([security.codeResent, security.restarted]).toEqual([false, false])
    vi.mocked(confirmMfaEnrolment).mockRejectedValueOnce(new AppError('mfa-expired'))
    await security.submitCode('123456')
    security.cancel()
    expect(security.restarted).toBe(false)
    vi.mocked(confirmMfaEnrolment).mockRejectedValueOnce(new AppError('mfa-expired'))
    await security.submitPhone('+41791234589')
    await security.submitCode('123456')
    await security.start()
    expect(security.restarted).toBe(false)
  })

  it('says two-factor is not offered when the platform answers so, and offers no switch', async () => {
    const { security } = await setUp()
    vi.mocked(startMfaEnrolment).mockResolvedValueOnce({ kind: 'unavailable' })
    security.askPhone()
    await security.submitPhone('+41791234589')
    expect([security.step, security.unavailable, security.status]).toEqual(['status', true, 'done'])
  })

  it('switches off after the password asked again through the session; a wrong one stops it', async () => {
    const { security, session, call } = await setUp({ on: true, phoneHint: '•••• 89' })
    const recheck = vi.spyOn(session, 'recheckPassword').mockRejectedValueOnce(new AppError('invalid-credentials'))
    security.askPassword()
    await security.submitPassword('wrong')
    expect([security.step, security.error?.code]).toEqual(['password', 'invalid-credentials'])
    expect(deactivateMfa).not.toHaveBeenCalled()
    recheck.mockResolvedValueOnce(service)
    await security.submitPassword('right')
    expect(recheck.mock.calls).toEqual([
      ['wrong', { action: 'mfa-off', key: '', title: '' }],
      ['right', { action: 'mfa-off', key: '', title: '' }],
    ])
    expect(deactivateMfa).toHaveBeenCalledWith(connection)
    expect(call.mock.lastCall?.[1]).toEqual({ action: 'mfa-off', key: '', title: '' })
    expect([security.step, security.mfa, security.error]).toEqual(['status', { on: false }, null])
  })

  it('cancel and a new start forget the activation and the codes', async () => {
    const { security } = await setUp()
    await security.submitPhone('+41791234589')
    await security.submitCode('123456')
    security.cancel()
    expect([security.step, security.recoveryCodes]).toEqual(['status', null])
    await security.submitPhone('+41791234589')
    await security.submitCode('123456')
    await security.start()
    expect([security.step, security.recoveryCodes, security.codeResent]).toEqual(['status', null, false])
  })

  it('does not switch off without a platform or a signed-in account', async () => {
    const { security, session } = await setUp({ on: true, phoneHint: '•••• 89' })
    session.own = null
    await security.submitPassword('right')
    expect(security.error?.code).toBe('network')
    expect(checkPassword).not.toHaveBeenCalled()
    expect(deactivateMfa).not.toHaveBeenCalled()
  })
})
