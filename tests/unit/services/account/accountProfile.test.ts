// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  accountProfileOf,
  accountUrl,
  readAccount,
  setAccountLanguage,
  updateAccount,
} from '@/services/account/accountProfile'
import { appErrorOf, sentRequest, stubJsonAnswer } from '../jsonFetch'
import { accountAnswer, connection, expiredAnswer, jsonHeaders, tokenless } from './profileFixtures'

afterEach(() => vi.unstubAllGlobals())

function profileOf(account: Record<string, unknown>) {
  return accountProfileOf({ account: { username: 'alice', ...account } })
}

describe('accountProfileOf', () => {
  it('copies the username, language, addresses and storage of the answer, and nothing else', () => {
    expect(
      accountProfileOf({
        account: {
          username: 'alice',
          language: 'fr',
          email: 'old@example.com',
          emails: [
            { value: 'alice@example.com', primary: true, status: 'verified', verificationMethod: 'email-link' },
            { value: 'work@example.com', primary: false, status: 'pending', verificationMethod: 'email-link' },
          ],
          storageUsed: { dbDocuments: 2048, attachedFiles: 4096 },
          secret: 'not kept',
        },
        meta: { apiVersion: '2.0.0' },
      }),
    ).toEqual({
      username: 'alice',
      language: 'fr',
      emails: [
        { address: 'alice@example.com', primary: true, verified: true, proof: 'link' },
        { address: 'work@example.com', primary: false, verified: false, proof: 'none' },
      ],
      storage: { documents: 2048, files: 4096 },
    })
  })

  it('refuses an answer without an account or a username', () => {
    for (const body of [
      null,
      'text',
      [],
      {},
      { account: null },
      { account: [] },
      { account: {} },
      { account: { username: '' } },
    ])
      expect(() => accountProfileOf(body), JSON.stringify(body)).toThrow(
        expect.objectContaining({ code: 'unexpected-answer' }),
      )
  })

  it('says how a verified address was proven, and "none" for an unknown or unverified method', () => {
    const proofOf = (status: unknown, verificationMethod: unknown) =>
      profileOf({ emails: [{ value: 'a@example.com', status, verificationMethod }] }).emails[0]?.proof
    expect(proofOf('verified', 'email-link')).toBe('link')
    expect(proofOf('verified', 'operator')).toBe('operator')
    expect(proofOf('verified', 'registration')).toBe('registration')
    expect(proofOf('verified', 'legacy')).toBe('legacy')
    expect(proofOf('verified', 'sms')).toBe('none')
    expect(proofOf('verified', 'toString')).toBe('none')
    expect(proofOf('verified', 7)).toBe('none')
    expect(proofOf('verified', ['operator'])).toBe('none')
    expect(proofOf('verified', undefined)).toBe('none')
    expect(proofOf('pending', 'operator')).toBe('none')
    expect(proofOf('Verified', 'operator')).toBe('none')
  })

  it('keeps only the addresses with a value, primary only when the platform says true', () => {
    expect(
      profileOf({
        emails: [
          null,
          'text@example.com',
          { primary: true },
          { value: '', primary: true },
          { value: 7 },
          { value: 'a@example.com', primary: 'yes', status: 'verified' },
          { value: 'b@example.com', primary: true },
        ],
      }).emails,
    ).toEqual([
      { address: 'a@example.com', primary: false, verified: true, proof: 'none' },
      { address: 'b@example.com', primary: true, verified: false, proof: 'none' },
    ])
  })

  it('takes the legacy e-mail as the one primary address only when no emails are listed', () => {
    const legacy = [{ address: 'old@example.com', primary: true, verified: true, proof: 'none' }]
    expect(profileOf({ email: 'old@example.com' }).emails).toEqual(legacy)
    expect(profileOf({ email: 'old@example.com', emails: null }).emails).toEqual(legacy)
    expect(profileOf({ email: 'old@example.com', emails: [] }).emails).toEqual([])
    expect(profileOf({ email: '' }).emails).toEqual([])
    expect(profileOf({}).emails).toEqual([])
  })

  it('says no language for a missing one, and counts no bytes unless a positive finite number', () => {
    expect(profileOf({ language: 7 })).toEqual({
      username: 'alice',
      language: '',
      emails: [],
      storage: { documents: 0, files: 0 },
    })
    for (const bytes of [0, -0, -5, Infinity, Number.NaN, '2048', null])
      expect(profileOf({ storageUsed: { dbDocuments: bytes, attachedFiles: bytes } }).storage, String(bytes)).toEqual({
        documents: 0,
        files: 0,
      })
    expect(profileOf({ storageUsed: { dbDocuments: 0.5, attachedFiles: 1 } }).storage).toEqual({
      documents: 0.5,
      files: 1,
    })
    expect(profileOf({ storageUsed: [1, 2] }).storage).toEqual({ documents: 0, files: 0 })
  })
})

describe('accountUrl', () => {
  it('is the account path of the endpoint, with an optional sub-path', () => {
    expect(accountUrl(connection)).toBe('https://api.example.com/alice/account')
    expect(accountUrl(connection, '/change-username')).toBe('https://api.example.com/alice/account/change-username')
  })
})

describe('readAccount', () => {
  it('gets the account with the personal token in the Authorization header, never in the URL', async () => {
    const fetchMock = stubJsonAnswer(200, accountAnswer)
    expect(await readAccount(connection)).toEqual({
      username: 'alice',
      language: 'en',
      emails: [{ address: 'alice@example.com', primary: true, verified: true, proof: 'registration' }],
      storage: { documents: 100, files: 0 },
    })
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(sentRequest(fetchMock)).toEqual({
      url: 'https://api.example.com/alice/account',
      method: 'GET',
      headers: { Accept: 'application/json', Authorization: 'personal-token' },
      body: undefined,
    })
  })

  it('sends an empty Authorization without a token, and throws an ended session', async () => {
    const fetchMock = stubJsonAnswer(200, accountAnswer)
    await readAccount(tokenless)
    expect(sentRequest(fetchMock).headers).toEqual({ Accept: 'application/json', Authorization: '' })
    stubJsonAnswer(403, expiredAnswer)
    expect((await appErrorOf(readAccount(connection))).code).toBe('session-expired')
  })
})

describe('updateAccount', () => {
  it('puts the changes with the personal token, and answers the platform whatever its status', async () => {
    const fetchMock = stubJsonAnswer(400, JSON.stringify({ error: { id: 'invalid-operation' } }))
    expect(await updateAccount(connection, { language: 'de' })).toEqual({
      status: 400,
      ok: false,
      body: { error: { id: 'invalid-operation' } },
    })
    expect(sentRequest(fetchMock)).toEqual({
      url: 'https://api.example.com/alice/account',
      method: 'PUT',
      headers: jsonHeaders('personal-token'),
      body: '{"language":"de"}',
    })
    await updateAccount(tokenless, {})
    expect(sentRequest(fetchMock, 1).headers).toEqual(jsonHeaders(''))
  })
})

describe('setAccountLanguage', () => {
  it('puts { language } and answers the account as the platform now holds it', async () => {
    const fetchMock = stubJsonAnswer(200, accountAnswer)
    expect((await setAccountLanguage(connection, 'it')).username).toBe('alice')
    expect(sentRequest(fetchMock)).toEqual({
      url: 'https://api.example.com/alice/account',
      method: 'PUT',
      headers: jsonHeaders('personal-token'),
      body: '{"language":"it"}',
    })
  })

  it('throws a refusal as the platform’s error', async () => {
    stubJsonAnswer(400, JSON.stringify({ error: { id: 'invalid-parameters-format', message: 'bad language' } }))
    const refused = await appErrorOf(setAccountLanguage(connection, 'xx'))
    expect([refused.code, refused.details]).toEqual(['invalid-request', ['bad language']])
    stubJsonAnswer(403, expiredAnswer)
    expect((await appErrorOf(setAccountLanguage(connection, 'fr'))).code).toBe('session-expired')
  })
})
