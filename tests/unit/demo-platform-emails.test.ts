// @vitest-environment node
import { createHash } from 'node:crypto'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { demoPlatformForTests, type Answer, type Json } from './demoPlatformClient'

// The account's e-mail addresses and their verification, as open-pryv.io 2.0 answers them (contract 2.1–2.3, 3.2).

const { call } = demoPlatformForTests()
let token: string

interface Mail {
  to: string
  username: string
  verifyLink: string
}

async function login(username = 'demo-user', password = 'demo-password-1'): Promise<string> {
  const answer = await call('POST', `/${username}/auth/login`, { username, password, appId: 'test-emails' })
  return String(answer.json.token)
}

const update = (body: unknown, who = token, username = 'demo-user') => call('PUT', `/${username}/account`, body, who)
const emails = (answer: Answer) => (answer.json.account as { emails: Json[] }).emails
const error = (answer: Answer) => answer.json.error as Json
const outbox = async () => (await call('GET', '/_demo/email-outbox')).json as unknown as Mail[]
const tokenOf = (mail: Mail | undefined) =>
  new URL(mail?.verifyLink ?? 'http://x/').searchParams.get('verifyToken') ?? ''
const verify = (verifyToken: string, username = 'demo-user', appId = 'test-emails') =>
  call('POST', `/${username}/account/verify-email`, { appId, token: verifyToken })

beforeEach(async () => {
  token = await login()
})

describe('account.get and the language', () => {
  it('lists the registration address as verified by registration, and refuses app tokens', async () => {
    const answer = await call('GET', '/demo-user/account', undefined, token)
    expect(answer.status).toBe(200)
    expect(answer.json.account).toEqual({
      username: 'demo-user',
      email: 'demo-user@example.com',
      language: 'en',
      storageUsed: { dbDocuments: 0, attachedFiles: 0 },
      emails: [
        {
          value: 'demo-user@example.com',
          primary: true,
          status: 'verified',
          verifiedAt: null,
          verificationMethod: 'registration',
        },
      ],
    })
    expect((await call('GET', '/demo-user/account')).status).toBe(401)
  })

  it('changes the language and refuses any other key', async () => {
    expect((await update({ language: 'fr' })).json.account).toMatchObject({ language: 'fr' })
    const other = await update({ username: 'x' })
    expect(other.status).toBe(400)
    expect(error(other)).toMatchObject({ id: 'invalid-parameters-format' })
    expect((await update({ emails: { purge: [] } })).status).toBe(400)
  })
})

describe('adding addresses', () => {
  it('adds pending addresses newest first, mails a link with a 256-bit token and keeps only its hash', async () => {
    const answer = await update({ emails: { add: ['a@example.com', 'b@example.com'] } })
    expect(answer.status).toBe(200)
    expect(emails(answer).map((item) => [item.value, item.status, item.primary])).toEqual([
      ['b@example.com', 'pending', false],
      ['a@example.com', 'pending', false],
      ['demo-user@example.com', 'verified', true],
    ])
    const mails = await outbox()
    expect(mails.map((mail) => [mail.to, mail.username])).toEqual([
      ['a@example.com', 'demo-user'],
      ['b@example.com', 'demo-user'],
    ])
    const link = new URL(mails[0]?.verifyLink ?? '')
    expect(link.origin + link.pathname).toBe('http://localhost:4173/access/verify-email')
    expect(Buffer.from(tokenOf(mails[0]), 'base64url')).toHaveLength(32)
    expect(JSON.stringify(answer.json)).not.toContain(tokenOf(mails[0]))
    expect(JSON.stringify(answer.json)).not.toContain(createHash('sha256').update(tokenOf(mails[0])).digest('hex'))
  })

  it('refuses a duplicate on the account, all or nothing', async () => {
    await update({ emails: { add: ['a@example.com'] } })
    const again = await update({ emails: { add: ['c@example.com', 'a@example.com'] } })
    expect(again.status).toBe(400)
    expect(error(again)).toEqual({
      id: 'invalid-operation',
      message: 'This email is already registered on the account.',
      data: { email: 'a@example.com' },
    })
    const account = await call('GET', '/demo-user/account', undefined, token)
    expect(emails(account).map((item) => item.value)).not.toContain('c@example.com')
  })

  it('matches case-sensitively and reserves pending addresses platform-wide', async () => {
    await update({ emails: { add: ['A@example.com'] } })
    expect((await update({ emails: { add: ['a@example.com'] } })).status).toBe(200)
    const other = await login('other-user', 'other-password-1')
    for (const taken of ['A@example.com', 'demo-user@example.com']) {
      const answer = await update({ emails: { add: [taken] } }, other, 'other-user')
      expect(answer.status).toBe(409)
      expect(error(answer)).toEqual({
        id: 'item-already-exists',
        message: `An email with email "${taken}" already exists`,
        data: { email: taken },
      })
    }
  })

  it('caps the account at 5 addresses, the primary counted, and arrays at 20', async () => {
    await update({ emails: { add: ['1@x.io', '2@x.io', '3@x.io', '4@x.io'] } })
    const over = await update({ emails: { add: ['5@x.io'] } })
    expect(over.status).toBe(400)
    expect(error(over)).toEqual({
      id: 'invalid-operation',
      message: 'Maximum number of emails (5) reached.',
      data: { maxEmails: 5 },
    })
    const long = Array.from({ length: 21 }, (_, index) => `${index}@y.io`)
    expect(error(await update({ emails: { remove: long } }))).toMatchObject({ id: 'invalid-parameters-format' })
  })
})

describe('setPrimary, remove and resend', () => {
  it('answers each refusal of the table', async () => {
    await update({ emails: { add: ['p@example.com'] } })
    const cases: Array<[Json, string]> = [
      [{ setPrimary: 'p@example.com' }, 'Only a verified email can be set as primary.'],
      [{ setPrimary: 'none@example.com' }, 'This email is not registered on the account.'],
      [{ remove: ['none@example.com'] }, 'This email is not registered on the account.'],
      [{ resend: ['none@example.com'] }, 'This email is not registered on the account.'],
      [{ remove: ['demo-user@example.com'] }, 'The primary email cannot be removed.'],
      [{ resend: ['demo-user@example.com'] }, 'This email is already verified.'],
    ]
    for (const [changes, message] of cases) {
      const answer = await update({ emails: changes })
      expect(answer.status, message).toBe(400)
      expect(error(answer), message).toEqual({ id: 'invalid-operation', message })
    }
  })

  it('holds a resend for the cooldown stamped at add, even with mail off, then rotates the token', async () => {
    await call('POST', '/_demo/email-verification', { mailEnabled: false })
    await update({ emails: { add: ['r@example.com'] } })
    expect(await outbox()).toEqual([])
    const early = await update({ emails: { resend: ['r@example.com'] } })
    expect(error(early)).toEqual({
      id: 'invalid-operation',
      message: 'Please wait before requesting another verification email.',
      data: { email: 'r@example.com', retryAfterSeconds: 300 },
    })
    await call('POST', '/_demo/email-verification', { mailEnabled: true, resendCooldownMs: 0 })
    await update({ emails: { resend: ['r@example.com'] } })
    await update({ emails: { resend: ['r@example.com'] } })
    const [first, second] = await outbox()
    expect((await verify(tokenOf(first))).status).toBe(401)
    expect((await verify(tokenOf(second))).json).toMatchObject({ email: 'r@example.com' })
  })

  it('applies add, setPrimary, remove, resend in that order and stops at the first failure', async () => {
    await update({ emails: { add: ['v@example.com'] } })
    await verify(tokenOf((await outbox())[0]))
    const answer = await update({
      emails: { remove: ['demo-user@example.com'], setPrimary: 'v@example.com', add: ['n@example.com'] },
    })
    expect(answer.status).toBe(200)
    expect(answer.json.account).toMatchObject({ email: 'v@example.com' })
    expect(emails(answer).map((item) => item.value)).toEqual(['n@example.com', 'v@example.com'])
    const failed = await update({ emails: { add: ['m@example.com'], remove: ['v@example.com'] } })
    expect(error(failed)).toMatchObject({ message: 'The primary email cannot be removed.' })
    const account = await call('GET', '/demo-user/account', undefined, token)
    expect(emails(account)[0]).toMatchObject({ value: 'm@example.com', status: 'pending' })
  })

  it('sets the legacy field as primary, verified without proof, and refuses another account’s address', async () => {
    const answer = await update({ email: 'legacy@example.com' })
    expect(emails(answer).slice(0, 2)).toEqual([
      expect.objectContaining({ value: 'legacy@example.com', primary: true, verificationMethod: 'legacy' }),
      expect.objectContaining({ value: 'demo-user@example.com', primary: false, status: 'verified' }),
    ])
    const taken = await update({ email: 'other-user@example.com' })
    expect(taken.status).toBe(409)
    expect(error(taken)).toMatchObject({ id: 'item-already-exists' })
  })
})

describe('verify-email', () => {
  it('verifies by link once, then answers like an unknown token', async () => {
    await update({ emails: { add: ['v@example.com'] } })
    const verifyToken = tokenOf((await outbox())[0])
    const answer = await verify(verifyToken)
    expect(answer).toMatchObject({ status: 200, json: { email: 'v@example.com' } })
    const item = emails(await call('GET', '/demo-user/account', undefined, token))[0]
    expect(item).toMatchObject({ status: 'verified', verificationMethod: 'email-link' })
    expect(Math.abs(Number(item?.verifiedAt) - Date.now() / 1000)).toBeLessThan(5)
    const uniform = { id: 'invalid-access-token', message: 'The verification token is invalid or expired.' }
    for (const attempt of [await verify(verifyToken), await verify('unknown-token')]) {
      expect(attempt.status).toBe(401)
      expect(error(attempt)).toEqual(uniform)
    }
  })

  it('refuses a token past its 24 hours like any other', async () => {
    await update({ emails: { add: ['v@example.com'] } })
    const verifyToken = tokenOf((await outbox())[0])
    const now = Date.now()
    vi.spyOn(Date, 'now').mockReturnValue(now + 24 * 60 * 60 * 1000 + 1)
    const late = await verify(verifyToken)
    vi.mocked(Date.now).mockReturnValue(now + 24 * 60 * 60 * 1000 - 1000)
    const inTime = await verify(verifyToken)
    vi.restoreAllMocks()
    expect(late.status).toBe(401)
    expect(inTime.status).toBe(200)
  })

  it('refuses another account’s token, missing fields, an unknown user and an untrusted app', async () => {
    await update({ emails: { add: ['v@example.com'] } })
    const verifyToken = tokenOf((await outbox())[0])
    expect((await verify(verifyToken, 'other-user')).status).toBe(401)
    const missing = await call('POST', '/demo-user/account/verify-email', { appId: 'test-emails' })
    expect(missing.status).toBe(400)
    expect(error(missing)).toMatchObject({ id: 'invalid-parameters-format' })
    expect(error(await verify(verifyToken, 'nobody-here'))).toEqual({
      id: 'unknown-resource',
      message: 'Unknown user "nobody-here"',
    })
    expect(error(await verify(verifyToken, 'demo-user', 'evil-app'))).toMatchObject({ id: 'invalid-credentials' })
    expect((await verify(verifyToken)).status).toBe(200)
  })
})
