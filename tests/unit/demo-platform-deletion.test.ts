// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import { demoPlatformForTests, type Answer } from './demoPlatformClient'

// Deleting an account, as open-pryv.io 2.0 answers `DELETE /users/{username}` (contract 8): refused as an unknown
// resource by default, allowed to the account's own personal token once `user-account.delete` has `personalToken`.

const { call, control } = demoPlatformForTests()

const appId = 'test-deletion'
let token: string

async function login(username: string, password = 'demo-password-1'): Promise<string> {
  return String((await call('POST', `/${username}/auth/login`, { username, password, appId })).json.token)
}
const remove = (username = 'demo-user', who = token) => call('DELETE', `/users/${username}`, undefined, who)
const error = (answer: Answer) => [answer.status, answer.json.error]
const allow = (allowed: unknown) => control('POST', '/account-deletion', { allowed })
const unknownUser = (name: string) => [404, { id: 'unknown-resource', message: `Unknown user "${name}"` }]
const notFromToken = [403, { id: 'invalid-access-token', message: 'Cannot find access from token.' }]

async function appToken(): Promise<string> {
  const body = { type: 'app', name: 'test-app', permissions: [{ streamId: 'diary', level: 'read' }] }
  return String((await control('POST', '/users/demo-user/accesses', body)).token)
}

beforeEach(async () => {
  token = await login('demo-user')
})

describe('DELETE /users/{username} with the default policy (admin key only)', () => {
  it('answers any token, or none, as an unknown resource, and deletes nothing', async () => {
    for (const who of [token, await appToken(), '']) {
      const answer = await remove('demo-user', who)
      expect(error(answer)).toEqual([404, { id: 'unknown-resource', message: 'Unknown resource ' }])
      expect(answer.json.meta).toBeDefined()
    }
    expect((await control('GET', '/account-deletion')).allowed).toEqual(['adminToken'])
    expect((await call('GET', '/demo-user/access-info', undefined, token)).status).toBe(200)
  })

  it('names an unknown user first, whatever the policy', async () => {
    expect(error(await remove('nobody-here'))).toEqual(unknownUser('nobody-here'))
    await allow(['personalToken'])
    expect(error(await remove('nobody-here'))).toEqual(unknownUser('nobody-here'))
  })
})

describe('DELETE /users/{username} with personalToken allowed', () => {
  beforeEach(async () => {
    expect((await allow(['adminToken', 'personalToken'])).allowed).toEqual(['adminToken', 'personalToken'])
  })

  it('deletes the account of its own personal token: sessions, accesses, audit gone, the name free again', async () => {
    const answer = await remove()
    expect([answer.status, answer.json.userDeletion]).toEqual([200, { username: 'demo-user' }])
    expect(answer.json.meta).toBeDefined()
    expect(error(await call('GET', '/demo-user/access-info', undefined, token))).toEqual(unknownUser('demo-user'))
    const signIn = { username: 'demo-user', password: 'demo-password-1', appId }
    expect((await call('POST', '/demo-user/auth/login', signIn)).status).toBe(401)
    expect((await call('GET', '/reg/demo-user/check_username')).json.reserved).toBe(false)
    const state = await control('GET', '/state')
    expect((state.users as { username: string }[]).map((user) => user.username)).not.toContain('demo-user')
    expect((await control('GET', '/users/demo-user/audit')).error).toBeDefined()
    expect(error(await remove())).toEqual(unknownUser('demo-user'))
  })

  it('refuses an app token, another account’s personal token, or none, with 403', async () => {
    expect(error(await remove('demo-user', await appToken()))).toEqual(notFromToken)
    expect(error(await remove('demo-user', await login('other-user', 'other-password-1')))).toEqual(notFromToken)
    expect(error(await remove('demo-user', ''))).toEqual(notFromToken)
    expect((await call('GET', '/demo-user/access-info', undefined, token)).status).toBe(200)
  })

  it('still takes a personal token whose session ended, as the server does', async () => {
    await call('POST', '/demo-user/auth/logout', {}, token)
    expect((await remove()).status).toBe(200)
  })

  it('knows the account by its username only: a former name is unknown here', async () => {
    await call('POST', '/demo-user/account/change-username', { newUsername: 'renamed-user' }, token)
    expect(error(await remove('demo-user'))).toEqual(unknownUser('demo-user'))
    expect((await remove('renamed-user')).json.userDeletion).toEqual({ username: 'renamed-user' })
    expect((await call('GET', '/reg/demo-user/check_username')).json.reserved).toBe(false)
  })

  it('goes back to the admin key only on reset', async () => {
    await control('POST', '/reset')
    expect((await control('GET', '/account-deletion')).allowed).toEqual(['adminToken'])
  })
})

describe('POST /_demo/account-deletion', () => {
  it('takes only the two known authorizations, as a list', async () => {
    expect((await control('POST', '/account-deletion', { allowed: ['rootToken'] })).error).toBeDefined()
    expect((await control('POST', '/account-deletion', {})).error).toBeDefined()
    expect((await allow([])).allowed).toEqual([])
    expect(error(await remove())).toEqual([404, { id: 'unknown-resource', message: 'Unknown resource ' }])
  })
})
