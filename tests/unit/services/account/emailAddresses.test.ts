// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { EmailAddress } from '@/services/account/accountProfile'
import {
  actionsOf,
  addRefusal,
  changeEmail,
  emailRefusalOf,
  normalizeAddress,
  type EmailAction,
} from '@/services/account/emailAddresses'
import { AppError } from '@/services/appError'
import { appErrorOf, sentRequest, stubJsonAnswer } from '../jsonFetch'
import { accountAnswer, connection, expiredAnswer, jsonHeaders } from './profileFixtures'

afterEach(() => vi.unstubAllGlobals())

function email(address: string, primary = false, verified = true): EmailAddress {
  return { address, primary, verified, proof: verified ? 'link' : 'none' }
}

const two = [email('alice@example.com', true), email('work@example.com')]

function invalidOperation(message: unknown, data?: unknown) {
  return { error: { id: 'invalid-operation', message, data } }
}

describe('normalizeAddress', () => {
  it('trims and lower-cases what was typed', () => {
    expect(normalizeAddress('  Alice.Smith@Example.COM \n')).toBe('alice.smith@example.com')
  })
})

describe('addRefusal', () => {
  it('accepts a new address of the right form while below any known limit', () => {
    expect(addRefusal('new@example.com', two, null)).toBeNull()
    expect(addRefusal('n@e.c', two, 3)).toBeNull()
    expect(addRefusal('first.last+tag@sub.example.org', [], 1)).toBeNull()
  })

  it('refuses an address of the wrong form', () => {
    for (const address of [
      '',
      'plain',
      'no-at.example.com',
      'no-dot@example',
      '@example.com',
      'alice@.com',
      'alice@example.',
      'two@at@example.com',
      'alice smith@example.com',
      ' alice@example.com',
      'alice@example.com ',
      'alice@exa mple.com',
      'alice@example.c m',
    ])
      expect(addRefusal(address, [], null), address).toEqual({ reason: 'format' })
  })

  it('refuses an address longer than 300 characters, and takes one of 300', () => {
    const ofLength = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`
    expect(addRefusal(ofLength(300), [], null)).toBeNull()
    expect(addRefusal(ofLength(301), [], null)).toEqual({ reason: 'format' })
  })

  it('refuses an address the account has, before its limit', () => {
    expect(addRefusal('work@example.com', two, null)).toEqual({ reason: 'on-account' })
    expect(addRefusal('alice@example.com', two, 2)).toEqual({ reason: 'on-account' })
  })

  it('refuses once the account holds as many addresses as the known limit, the primary counted', () => {
    expect(addRefusal('new@example.com', two, 2)).toEqual({ reason: 'limit', max: 2 })
    expect(addRefusal('new@example.com', two, 1)).toEqual({ reason: 'limit', max: 1 })
    expect(addRefusal('new@example.com', two, 0)).toEqual({ reason: 'limit', max: 0 })
    expect(addRefusal('new@example.com', [], 0)).toEqual({ reason: 'limit', max: 0 })
  })
})

describe('actionsOf', () => {
  it('offers a link again while waiting, primary once verified, removal unless primary', () => {
    expect(actionsOf(email('a@example.com', false, false))).toEqual({ resend: true, setPrimary: false, remove: true })
    expect(actionsOf(email('a@example.com', false, true))).toEqual({ resend: false, setPrimary: true, remove: true })
    expect(actionsOf(email('a@example.com', true, true))).toEqual({ resend: false, setPrimary: false, remove: false })
    expect(actionsOf(email('a@example.com', true, false))).toEqual({ resend: true, setPrimary: false, remove: false })
  })
})

describe('emailRefusalOf', () => {
  it('says an address another account has is in use, whatever the action', () => {
    for (const action of ['add', 'setPrimary'] as const)
      expect(emailRefusalOf(action, 409, { error: { id: 'item-already-exists', message: 'taken' } })).toEqual({
        reason: 'in-use',
      })
  })

  it('reads a cooldown from data.retryAfterSeconds, zero included', () => {
    expect(emailRefusalOf('resend', 400, invalidOperation('wait', { retryAfterSeconds: 42 }))).toEqual({
      reason: 'cooldown',
      seconds: 42,
    })
    expect(emailRefusalOf('add', 400, invalidOperation('wait', { retryAfterSeconds: 0, maxEmails: 3 }))).toEqual({
      reason: 'cooldown',
      seconds: 0,
    })
  })

  it('passes over a retryAfterSeconds that is not a count of seconds', () => {
    for (const retryAfterSeconds of [-1, '30', null, Infinity, Number.NaN])
      expect(
        emailRefusalOf('resend', 400, invalidOperation('x', { retryAfterSeconds })),
        String(retryAfterSeconds),
      ).toEqual({ reason: 'already-verified' })
  })

  it('reads the limit from data.maxEmails, without a number when it has none', () => {
    expect(emailRefusalOf('add', 400, invalidOperation('too many', { maxEmails: 5 }))).toEqual({
      reason: 'limit',
      max: 5,
    })
    expect(emailRefusalOf('add', 400, invalidOperation('too many', { maxEmails: 0 }))).toEqual({
      reason: 'limit',
      max: 0,
    })
    expect(emailRefusalOf('add', 400, invalidOperation('too many', { maxEmails: 'five' }))).toEqual({
      reason: 'limit',
      max: null,
    })
    expect(emailRefusalOf('add', 400, invalidOperation('too many', { maxEmails: undefined }))).toEqual({
      reason: 'limit',
      max: null,
    })
  })

  it('says an address the account does not have from the words "not registered", in any case', () => {
    expect(emailRefusalOf('remove', 400, invalidOperation('Email is not registered on this account'))).toEqual({
      reason: 'unknown-address',
    })
    expect(emailRefusalOf('setPrimary', 400, invalidOperation('NOT REGISTERED', { other: 1 }))).toEqual({
      reason: 'unknown-address',
    })
  })

  it('otherwise names the rule of the action', () => {
    const expected: Record<EmailAction, string> = {
      add: 'on-account',
      setPrimary: 'not-verified',
      remove: 'primary',
      resend: 'already-verified',
    }
    for (const [action, reason] of Object.entries(expected) as [EmailAction, string][]) {
      expect(emailRefusalOf(action, 400, invalidOperation('refused')), action).toEqual({ reason })
      expect(emailRefusalOf(action, 400, invalidOperation(7, [1])), action).toEqual({ reason })
      expect(emailRefusalOf(action, 400, invalidOperation('registered')), action).toEqual({ reason })
      expect(emailRefusalOf(action, 400, invalidOperation(['not registered'])), action).toEqual({ reason })
    }
  })

  it('leaves every other failure the platform’s error, read with its status', () => {
    const expired = emailRefusalOf('add', 403, JSON.parse(expiredAnswer))
    expect(expired).toBeInstanceOf(AppError)
    expect((expired as AppError).code).toBe('session-expired')
    expect(emailRefusalOf('add', 500, null)).toMatchObject({ code: 'server' })
    expect(emailRefusalOf('add', 400, null)).toMatchObject({ code: 'unknown' })
    expect(emailRefusalOf('add', 400, { error: { message: 'Email is not registered' } })).toMatchObject({
      code: 'unknown',
    })
    expect(
      emailRefusalOf('add', 400, { error: { id: 'invalid-parameters-format', data: { maxEmails: 3 } } }),
    ).toMatchObject({ code: 'invalid-request' })
  })
})

describe('changeEmail', () => {
  it('puts one emails change with the personal token: a list for add, the address for setPrimary', async () => {
    const fetchMock = stubJsonAnswer(200, accountAnswer)
    const outcome = await changeEmail(connection, 'add', 'new@example.com')
    expect(outcome).toEqual({
      ok: true,
      account: {
        username: 'alice',
        language: 'en',
        emails: [{ address: 'alice@example.com', primary: true, verified: true, proof: 'registration' }],
        storage: { documents: 100, files: 0 },
      },
    })
    await changeEmail(connection, 'setPrimary', 'work@example.com')
    await changeEmail(connection, 'remove', 'old@example.com')
    await changeEmail(connection, 'resend', 'wait@example.com')
    expect(sentRequest(fetchMock)).toEqual({
      url: 'https://api.example.com/alice/account',
      method: 'PUT',
      headers: jsonHeaders('personal-token'),
      body: '{"emails":{"add":["new@example.com"]}}',
    })
    expect(fetchMock.mock.calls.map(([, init]) => init?.body)).toEqual([
      '{"emails":{"add":["new@example.com"]}}',
      '{"emails":{"setPrimary":"work@example.com"}}',
      '{"emails":{"remove":["old@example.com"]}}',
      '{"emails":{"resend":["wait@example.com"]}}',
    ])
  })

  it('returns a rule’s refusal in our terms', async () => {
    stubJsonAnswer(400, JSON.stringify(invalidOperation('wait', { retryAfterSeconds: 60 })))
    expect(await changeEmail(connection, 'resend', 'wait@example.com')).toEqual({
      ok: false,
      refusal: { reason: 'cooldown', seconds: 60 },
    })
    stubJsonAnswer(409, JSON.stringify({ error: { id: 'item-already-exists' } }))
    expect(await changeEmail(connection, 'add', 'bob@example.com')).toEqual({
      ok: false,
      refusal: { reason: 'in-use' },
    })
  })

  it('throws an ended session and an answer without an account', async () => {
    stubJsonAnswer(403, expiredAnswer)
    expect((await appErrorOf(changeEmail(connection, 'add', 'new@example.com'))).code).toBe('session-expired')
    stubJsonAnswer(200, '{}')
    expect((await appErrorOf(changeEmail(connection, 'add', 'new@example.com'))).code).toBe('unexpected-answer')
  })
})
