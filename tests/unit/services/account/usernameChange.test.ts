// @vitest-environment node
import type { Connection } from 'pryv'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Service } from '@/services/platform'
import {
  changeUsername,
  readUsernameChanges,
  sessionUnderName,
  usernameChangesOf,
  usernameRefusal,
  usernameRefusalOf,
} from '@/services/account/usernameChange'
import { AppError } from '@/services/appError'
import { appErrorOf, sentRequest, stubJsonAnswer } from '../jsonFetch'
import { connection, expiredAnswer, jsonHeaders, tokenless } from './profileFixtures'

afterEach(() => vi.unstubAllGlobals())

const counts = { usernameChangesUsed: 1, usernameChangesLimit: 3, usernameChangesRemaining: 2 }

function invalidOperation(message: unknown, data?: unknown) {
  return { error: { id: 'invalid-operation', message, data } }
}

describe('usernameChangesOf', () => {
  it('reads the three counts, zero included', () => {
    expect(usernameChangesOf(counts)).toEqual({ used: 1, limit: 3, remaining: 2 })
    expect(usernameChangesOf({ usernameChangesUsed: 0, usernameChangesLimit: 0, usernameChangesRemaining: 0 })).toEqual(
      { used: 0, limit: 0, remaining: 0 },
    )
  })

  it('says nothing when any count is missing or not a whole number of at least zero', () => {
    for (const key of Object.keys(counts))
      for (const value of [undefined, -1, 1.5, '1', null])
        expect(usernameChangesOf({ ...counts, [key]: value }), `${key}: ${String(value)}`).toBeNull()
    expect(usernameChangesOf(null)).toBeNull()
    expect(usernameChangesOf([1, 3, 2])).toBeNull()
  })
})

describe('readUsernameChanges', () => {
  it('gets account/username-changes with the personal token in the Authorization header', async () => {
    const fetchMock = stubJsonAnswer(200, JSON.stringify(counts))
    expect(await readUsernameChanges(connection)).toEqual({ used: 1, limit: 3, remaining: 2 })
    expect(sentRequest(fetchMock)).toEqual({
      url: 'https://api.example.com/alice/account/username-changes',
      method: 'GET',
      headers: { Accept: 'application/json', Authorization: 'personal-token' },
      body: undefined,
    })
    await readUsernameChanges(tokenless)
    expect(sentRequest(fetchMock, 1).headers).toEqual({ Accept: 'application/json', Authorization: '' })
  })

  it('throws an ended session', async () => {
    stubJsonAnswer(403, expiredAnswer)
    expect((await appErrorOf(readUsernameChanges(connection))).code).toBe('session-expired')
  })
})

describe('usernameRefusal', () => {
  it('checks the platform’s pattern on the name as it is sent: trimmed and lower-cased', () => {
    expect(usernameRefusal('bobby', 'alice')).toBeNull()
    expect(usernameRefusal(' Bobby-2 ', 'alice')).toBeNull()
    for (const wanted of ['bob', 'bo b by', '-bobby', 'bobby-', 'bob_by', 'x'.repeat(61)])
      expect(usernameRefusal(wanted, 'alice'), wanted).toBe('format')
  })

  it('refuses the current name, whatever its case', () => {
    expect(usernameRefusal('alice', 'alice')).toBe('same')
    expect(usernameRefusal(' ALICE ', 'alice')).toBe('same')
    expect(usernameRefusal('alice2', 'alice')).toBeNull()
  })
})

describe('usernameRefusalOf', () => {
  it('says a name taken, a name of the wrong format, the limit reached, a reserved and the same name', () => {
    expect(usernameRefusalOf(409, { error: { id: 'item-already-exists', message: 'taken' } })).toBe('taken')
    expect(usernameRefusalOf(400, { error: { id: 'invalid-parameters-format' } })).toBe('format')
    expect(usernameRefusalOf(400, invalidOperation('no more', { usernameChangesLimit: 3 }))).toBe('limit')
    expect(usernameRefusalOf(400, invalidOperation('Change LIMIT reached'))).toBe('limit')
    expect(usernameRefusalOf(400, invalidOperation('This username is Reserved'))).toBe('reserved')
    expect(usernameRefusalOf(400, invalidOperation('New username is IDENTICAL to the current one'))).toBe('same')
  })

  it('checks the limit before the words, and the reserved words before the identical ones', () => {
    expect(usernameRefusalOf(400, invalidOperation('reserved', { usernameChangesLimit: null }))).toBe('limit')
    expect(usernameRefusalOf(400, invalidOperation('reserved limit'))).toBe('limit')
    expect(usernameRefusalOf(400, invalidOperation('identical and reserved'))).toBe('reserved')
  })

  it('leaves any other failure the platform’s error, read with its status', () => {
    const other = usernameRefusalOf(400, invalidOperation('something else', { other: 1 }))
    expect(other).toBeInstanceOf(AppError)
    expect([(other as AppError).code, (other as AppError).details]).toEqual(['invalid-request', ['something else']])
    expect(usernameRefusalOf(400, invalidOperation(7, null))).toMatchObject({ code: 'invalid-request' })
    expect(usernameRefusalOf(400, invalidOperation(undefined, ['limit']))).toMatchObject({ code: 'invalid-request' })
    expect(usernameRefusalOf(403, JSON.parse(expiredAnswer))).toMatchObject({ code: 'session-expired' })
    expect(usernameRefusalOf(400, { error: { id: 'forbidden', message: 'limit reserved identical' } })).toMatchObject({
      code: 'forbidden',
    })
    expect(usernameRefusalOf(503, null)).toMatchObject({ code: 'server' })
    expect(usernameRefusalOf(400, 'text')).toMatchObject({ code: 'unknown' })
  })
})

describe('changeUsername', () => {
  it('posts { newUsername } lower-cased with the personal token, and answers the new name and the changes left', async () => {
    const fetchMock = stubJsonAnswer(
      200,
      JSON.stringify({ account: { username: 'bobby' }, usernameChangesRemaining: 1 }),
    )
    expect(await changeUsername(connection, ' Bobby ')).toEqual({ ok: true, username: 'bobby', remaining: 1 })
    expect(sentRequest(fetchMock)).toEqual({
      url: 'https://api.example.com/alice/account/change-username',
      method: 'POST',
      headers: jsonHeaders('personal-token'),
      body: '{"newUsername":"bobby"}',
    })
    await changeUsername(tokenless, 'bobby')
    expect(sentRequest(fetchMock, 1).headers).toEqual(jsonHeaders(''))
  })

  it('answers no count left when the platform gives none, and takes zero', async () => {
    stubJsonAnswer(200, JSON.stringify({ account: { username: 'bobby' }, usernameChangesRemaining: 0 }))
    expect(await changeUsername(connection, 'bobby')).toEqual({ ok: true, username: 'bobby', remaining: 0 })
    stubJsonAnswer(200, JSON.stringify({ account: { username: 'bobby' }, usernameChangesRemaining: -1 }))
    expect(await changeUsername(connection, 'bobby')).toEqual({ ok: true, username: 'bobby', remaining: null })
    stubJsonAnswer(200, JSON.stringify({ account: { username: 'bobby' } }))
    expect(await changeUsername(connection, 'bobby')).toEqual({ ok: true, username: 'bobby', remaining: null })
  })

  it('refuses an answer without the new name', async () => {
    for (const body of ['{}', 'null', '{"account":{}}', '{"account":{"username":""}}']) {
      stubJsonAnswer(200, body)
      expect((await appErrorOf(changeUsername(connection, 'bobby'))).code, body).toBe('unexpected-answer')
    }
  })

  it('returns a refusal in our terms and throws any other failure', async () => {
    stubJsonAnswer(409, JSON.stringify({ error: { id: 'item-already-exists', message: 'taken' } }))
    expect(await changeUsername(connection, 'bobby')).toEqual({ ok: false, refusal: 'taken' })
    stubJsonAnswer(403, expiredAnswer)
    expect((await appErrorOf(changeUsername(connection, 'bobby'))).code).toBe('session-expired')
  })
})

describe('sessionUnderName', () => {
  function serviceFor(endpoint: string) {
    const apiEndpointFor = vi.fn<(username: string, token?: string) => Promise<string>>(async () => endpoint)
    return { service: { apiEndpointFor } as unknown as Service, apiEndpointFor }
  }

  it('is a new connection on the API under the new name, with the same token', async () => {
    const { service, apiEndpointFor } = serviceFor('https://personal-token@api.example.com/bobby/')
    const renamed = await sessionUnderName(service, connection, 'bobby')
    expect(apiEndpointFor).toHaveBeenCalledWith('bobby', 'personal-token')
    expect(renamed.username).toBe('bobby')
    expect(renamed.connection).not.toBe(connection)
    expect([renamed.connection.endpoint, renamed.connection.token]).toEqual([
      'https://api.example.com/bobby/',
      'personal-token',
    ])
  })

  it('asks for the endpoint without a token when the session has none', async () => {
    const { service, apiEndpointFor } = serviceFor('https://api.example.com/bobby/')
    const renamed = await sessionUnderName(service, tokenless as Connection, 'bobby')
    expect(apiEndpointFor.mock.calls).toEqual([['bobby', undefined]])
    expect(renamed.connection.endpoint).toBe('https://api.example.com/bobby/')
  })
})
