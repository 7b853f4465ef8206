// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { confirmsUsername, deleteAccount, deletionHelp, platformRoot } from '@/services/account/accountDeletion'
import type { Service } from '@/services/platform'
import { appErrorOf, sentRequest, stubJsonAnswer } from '../jsonFetch'
import { connection, expiredAnswer, tokenless } from './profileFixtures'

afterEach(() => vi.unstubAllGlobals())

/** A platform whose API endpoints follow `template` (`{username}` filled in), as pryv's apiEndpointFor builds them. */
function serviceFor(template: string) {
  return { apiEndpointFor: async (username: string) => template.replace('{username}', username) } as unknown as Service
}
const dnsLess = serviceFor('http://127.0.0.1:3000/{username}/')
const deleted = JSON.stringify({ userDeletion: { username: 'alice' }, meta: { apiVersion: '2.0.0' } })

describe('platformRoot', () => {
  it('leaves out the username’s path segment of a DNS-less endpoint, prefix kept', () => {
    expect(platformRoot(new URL('http://host:3000/alice/'), 'alice').href).toBe('http://host:3000/')
    expect(platformRoot(new URL('https://host/api/alice/'), 'alice').href).toBe('https://host/api/')
  })

  it('keeps an endpoint with the name in the host, and one whose last segment only ends like the name', () => {
    expect(platformRoot(new URL('https://alice.pryv.me/'), 'alice').href).toBe('https://alice.pryv.me/')
    expect(platformRoot(new URL('https://host/malice/'), 'alice').href).toBe('https://host/malice/')
  })

  it('drops any query or fragment', () => {
    expect(platformRoot(new URL('https://host/alice/?x=1#y'), 'alice').href).toBe('https://host/')
  })
})

describe('deleteAccount', () => {
  it('sends DELETE /users/{username} at the platform’s root with the personal token in the header', async () => {
    const fetchMock = stubJsonAnswer(200, deleted)
    await deleteAccount(dnsLess, connection, 'alice')
    expect(sentRequest(fetchMock)).toEqual({
      url: 'http://127.0.0.1:3000/users/alice',
      method: 'DELETE',
      headers: { Accept: 'application/json', Authorization: 'personal-token' },
      body: undefined,
    })
  })

  it('sends an empty Authorization without a token, and calls a hosted platform at the account’s host', async () => {
    const fetchMock = stubJsonAnswer(200, deleted)
    await deleteAccount(serviceFor('https://{username}.pryv.me/'), tokenless, 'alice')
    expect(sentRequest(fetchMock)).toMatchObject({
      url: 'https://alice.pryv.me/users/alice',
      headers: { Authorization: '' },
    })
  })

  it('calls the platform’s refusal (404 unknown-resource) a refused deletion, not a wrong request', async () => {
    stubJsonAnswer(404, JSON.stringify({ error: { id: 'unknown-resource', message: 'Unknown resource ' } }))
    const error = await appErrorOf(deleteAccount(dnsLess, connection, 'alice'))
    expect([error.code, error.retryable]).toEqual(['deletion-refused', false])
  })

  it('calls an ended session or a token that is not personal (403 invalid-access-token) signed out', async () => {
    stubJsonAnswer(403, expiredAnswer)
    expect((await appErrorOf(deleteAccount(dnsLess, connection, 'alice'))).code).toBe('session-expired')
  })

  it('keeps other failures as they are', async () => {
    stubJsonAnswer(500, JSON.stringify({ error: { id: 'unexpected-error', message: 'Boom' } }))
    expect((await appErrorOf(deleteAccount(dnsLess, connection, 'alice'))).code).toBe('server')
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')))
    expect((await appErrorOf(deleteAccount(dnsLess, connection, 'alice'))).code).toBe('network')
  })

  it('refuses a success that does not name the account deleted', async () => {
    for (const body of ['{}', '{"userDeletion":{"username":"bob"}}', '{"userDeletion":null}', 'null']) {
      stubJsonAnswer(200, body)
      expect((await appErrorOf(deleteAccount(dnsLess, connection, 'alice'))).code, body).toBe('unexpected-answer')
    }
  })
})

describe('confirmsUsername', () => {
  it('wants the name exactly as shown, spaces around it aside', () => {
    expect(confirmsUsername('alice', 'alice')).toBe(true)
    expect(confirmsUsername('  alice ', 'alice')).toBe(true)
    expect(confirmsUsername('Alice', 'alice')).toBe(false)
    expect(confirmsUsername('alic', 'alice')).toBe(false)
    expect(confirmsUsername('', '')).toBe(false)
  })
})

describe('deletionHelp', () => {
  it('keeps the support and terms links that are web addresses', () => {
    expect(deletionHelp({ support: 'https://example.com/help', terms: 'http://127.0.0.1:3000/terms' })).toEqual({
      support: 'https://example.com/help',
      terms: 'http://127.0.0.1:3000/terms',
    })
  })

  it('drops any other link, or a missing one', () => {
    expect(deletionHelp({ support: 'javascript:alert(1)', terms: 42 })).toEqual({ support: null, terms: null })
    expect(deletionHelp({ support: 'mailto:help@example.com' })).toEqual({ support: null, terms: null })
    expect(deletionHelp(null)).toEqual({ support: null, terms: null })
  })
})
