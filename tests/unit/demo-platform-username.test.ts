// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import { startDemoPlatform, type RunningServer } from '../demo-platform/server.ts'
import { demoPlatformForTests, type Answer, type Json } from './demoPlatformClient'

// Changing the username, as open-pryv.io 2.0 answers it (contract 2.5): the counter and its limit,
// the refusals, and what the old name still does once it has become an alias of the account.

const { call, control } = demoPlatformForTests()

const appId = 'test-username'
let token: string

async function login(username: string, password = 'demo-password-1'): Promise<Answer> {
  return call('POST', `/${username}/auth/login`, { username, password, appId })
}

const changeTo = (newUsername: unknown, who = token, path = 'demo-user') =>
  call('POST', `/${path}/account/change-username`, { newUsername }, who)
const counts = (who = token, path = 'demo-user') => call('GET', `/${path}/account/username-changes`, undefined, who)
const error = (answer: Answer) => [answer.status, answer.json.error]
const accessInfo = (path: string, who: string) => call('GET', `/${path}/access-info`, undefined, who)

async function appToken(type: 'app' | 'shared' = 'app'): Promise<string> {
  const body = { type, name: `test-${type}`, permissions: [{ streamId: 'diary', level: 'read' }] }
  return String((await control('POST', '/users/demo-user/accesses', body)).token)
}

async function renamed(newUsername = 'renamed-user'): Promise<void> {
  expect((await changeTo(newUsername)).status).toBe(200)
}

beforeEach(async () => {
  token = String((await login('demo-user')).json.token)
})

describe('account.usernameChanges', () => {
  it('counts the changes against the limit of 2, with personal tokens only', async () => {
    expect(await counts()).toMatchObject({
      status: 200,
      json: { usernameChangesUsed: 0, usernameChangesLimit: 2, usernameChangesRemaining: 2 },
    })
    await renamed()
    expect((await counts()).json).toMatchObject({
      usernameChangesUsed: 1,
      usernameChangesLimit: 2,
      usernameChangesRemaining: 1,
    })
    const message = 'You cannot access account.usernameChanges resource using the given access'
    expect(error(await counts(await appToken()))).toEqual([403, { id: 'forbidden', message }])
  })

  it('is found by id in a batch', async () => {
    const answer = await call('POST', '/demo-user/', [{ method: 'account.usernameChanges', params: {} }], token)
    expect((answer.json.results as Json[])[0]).toMatchObject({ usernameChangesRemaining: 2 })
  })

  it('takes its limit from the platform’s settings', async () => {
    let platform: RunningServer | undefined
    try {
      platform = await startDemoPlatform({ port: 0, usernameChangeLimit: 1 })
      const base = platform.url
      const post = (path: string, body: unknown, auth?: string) =>
        fetch(base + path, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Origin: 'http://127.0.0.1:4573',
            ...(auth ? { Authorization: auth } : {}),
          },
          body: JSON.stringify(body),
        }).then(async (response) => ({ status: response.status, json: (await response.json()) as Json }))
      const signIn = await post('/demo-user/auth/login', { username: 'demo-user', password: 'demo-password-1', appId })
      const personal = String(signIn.json.token)
      expect(
        (await post('/demo-user/account/change-username', { newUsername: 'once-renamed' }, personal)).json,
      ).toMatchObject({ usernameChangesRemaining: 0 })
      const again = await post('/once-renamed/account/change-username', { newUsername: 'twice-renamed' }, personal)
      expect(again.json.error).toMatchObject({ data: { usernameChangesUsed: 1, usernameChangesLimit: 1 } })
    } finally {
      await platform?.close()
    }
  })
})

describe('account.changeUsername', () => {
  it('answers the remaining changes and the account without its e-mail list', async () => {
    expect(await changeTo('renamed-user')).toMatchObject({
      status: 200,
      json: {
        usernameChangesRemaining: 1,
        account: {
          username: 'renamed-user',
          email: 'demo-user@example.com',
          language: 'en',
          storageUsed: { dbDocuments: 0, attachedFiles: 0 },
        },
      },
    })
    const answer = await changeTo('renamed-again', token, 'renamed-user')
    expect(Object.keys(answer.json.account as Json).sort()).toEqual(['email', 'language', 'storageUsed', 'username'])
    expect(answer.json.usernameChangesRemaining).toBe(0)
  })

  it('refuses app and shared tokens', async () => {
    const message = 'You cannot access account.changeUsername resource using the given access'
    expect(error(await changeTo('renamed-user', await appToken('app')))).toEqual([403, { id: 'forbidden', message }])
    expect(error(await changeTo('renamed-user', await appToken('shared')))).toEqual([403, { id: 'forbidden', message }])
  })

  it('refuses the current name', async () => {
    const message = 'The new username is identical to the current one.'
    expect(error(await changeTo('demo-user'))).toEqual([400, { id: 'invalid-operation', message }])
  })

  it('refuses a bad format, upper-case included, and any other key', async () => {
    for (const newUsername of ['Renamed-User', 'abc', '', '-renamed-user', 'renamed_user', 42]) {
      expect(error(await changeTo(newUsername))).toEqual([
        400,
        expect.objectContaining({ id: 'invalid-parameters-format' }),
      ])
    }
    const missing = await call('POST', '/demo-user/account/change-username', {}, token)
    expect(missing.status).toBe(400)
    const extra = await call('POST', '/demo-user/account/change-username', { newUsername: 'renamed-user', x: 1 }, token)
    expect(extra.json.error).toMatchObject({
      id: 'invalid-parameters-format',
      data: [expect.objectContaining({ code: 'OBJECT_ADDITIONAL_PROPERTIES', params: ['x'] })],
    })
    const upper = await changeTo('Renamed-User')
    expect(upper.json.error).toMatchObject({
      data: [expect.objectContaining({ code: 'PATTERN', path: '#/newUsername' })],
    })
  })

  it('refuses a reserved word', async () => {
    expect(error(await changeTo('access'))).toEqual([
      400,
      { id: 'invalid-operation', message: 'This username is reserved.', data: { newUsername: 'access' } },
    ])
  })

  it('refuses a name another account has, now or before', async () => {
    expect(error(await changeTo('other-user'))).toEqual([
      409,
      {
        id: 'item-already-exists',
        message: 'An user with username "other-user" already exists',
        data: { username: 'other-user' },
      },
    ])
    await renamed()
    const other = String((await login('other-user', 'other-password-1')).json.token)
    expect(error(await changeTo('demo-user', other, 'other-user'))).toEqual([
      409,
      {
        id: 'item-already-exists',
        message: 'An user with username "demo-user" already exists',
        data: { username: 'demo-user' },
      },
    ])
  })

  it('counts only successful changes and stops at the limit', async () => {
    await changeTo('access')
    await changeTo('other-user')
    await changeTo('demo-user')
    expect((await counts()).json).toMatchObject({ usernameChangesUsed: 0, usernameChangesRemaining: 2 })
    await renamed('renamed-user')
    expect((await changeTo('renamed-again', token, 'renamed-user')).status).toBe(200)
    const refused = await changeTo('renamed-thrice', token, 'renamed-again')
    expect(error(refused)).toEqual([
      400,
      {
        id: 'invalid-operation',
        message: 'Username change limit reached.',
        data: { usernameChangesUsed: 2, usernameChangesLimit: 2 },
      },
    ])
    expect((await counts(token, 'renamed-again')).json).toMatchObject({
      usernameChangesUsed: 2,
      usernameChangesRemaining: 0,
    })
    expect((await call('GET', '/renamed-thrice/access-info', undefined, token)).status).toBe(404)
  })

  it('checks in the platform’s order: access, format, same name, then the limit before the name itself', async () => {
    const app = await appToken()
    expect((await changeTo('Bad Name', app)).status).toBe(403)
    expect(error(await changeTo('DEMO-USER'))).toEqual([
      400,
      expect.objectContaining({ id: 'invalid-parameters-format' }),
    ])
    await renamed('renamed-user')
    await renamed('renamed-again')
    const atLimit = async (newUsername: string) => (error(await changeTo(newUsername))[1] as Json).message
    expect(await atLimit('renamed-again')).toBe('The new username is identical to the current one.')
    expect(await atLimit('access')).toBe('Username change limit reached.')
    expect(await atLimit('other-user')).toBe('Username change limit reached.')
  })

  it('changes nothing when refused', async () => {
    await changeTo('renamed-user', await appToken())
    await changeTo('Renamed-User')
    expect((await call('GET', '/demo-user/account', undefined, token)).json.account).toMatchObject({
      username: 'demo-user',
    })
    expect((await call('GET', '/reg/renamed-user/check_username')).json).toMatchObject({ reserved: false })
  })

  it('is audited under its method id, in the account’s log kept across the change', async () => {
    await changeTo('access')
    await renamed()
    const log = await control<Array<{ type: string; content: Json }>>('GET', '/users/renamed-user/audit')
    const actions = log.map((entry) => [entry.content.action, entry.type])
    expect(actions).toContainEqual(['auth.login', 'audit-log/pryv-api'])
    expect(actions).toContainEqual(['account.changeUsername', 'audit-log/pryv-api-error'])
    expect(actions).toContainEqual(['account.changeUsername', 'audit-log/pryv-api'])
  })
})

describe('after a change', () => {
  it('serves the account on the old and the new path with the tokens it had', async () => {
    const app = await appToken()
    await renamed()
    for (const path of ['demo-user', 'renamed-user']) {
      expect(await accessInfo(path, token)).toMatchObject({
        status: 200,
        json: { type: 'personal', name: appId, user: { username: 'renamed-user' } },
      })
      expect((await accessInfo(path, app)).json).toMatchObject({ type: 'app', user: { username: 'renamed-user' } })
      expect((await call('GET', `/${path}/account`, undefined, token)).json.account).toMatchObject({
        username: 'renamed-user',
      })
    }
  })

  it('keeps the account’s addresses and rebuilds every access endpoint with the new name', async () => {
    await call('PUT', '/demo-user/account', { emails: { add: ['second@example.com'] } }, token)
    await appToken()
    await renamed()
    const account = (await call('GET', '/renamed-user/account', undefined, token)).json.account as Json
    expect((account.emails as Json[]).map((item) => item.value)).toEqual([
      'second@example.com',
      'demo-user@example.com',
    ])
    const accesses = (await call('GET', '/demo-user/accesses', undefined, token)).json.accesses as Json[]
    expect(accesses.length).toBeGreaterThan(1)
    for (const access of accesses) {
      expect(new URL(String(access.apiEndpoint)).pathname).toBe('/renamed-user/')
    }
  })

  it('refuses a login with the old name, whatever the path', async () => {
    await renamed()
    const message = 'The username in the path does not match that of the credentials.'
    expect(error(await login('demo-user'))).toEqual([400, { id: 'invalid-operation', message }])
    const oldInBody = await call('POST', '/renamed-user/auth/login', {
      username: 'demo-user',
      password: 'demo-password-1',
      appId,
    })
    expect(error(oldInBody)).toEqual([400, { id: 'invalid-operation', message }])
  })

  it('mints a new token at a login with the new name; the old token is then unknown', async () => {
    await renamed()
    const answer = await login('renamed-user')
    expect(answer.status).toBe(200)
    const fresh = String(answer.json.token)
    expect(fresh).not.toBe(token)
    expect(new URL(String(answer.json.apiEndpoint)).pathname).toBe('/renamed-user/')
    expect((await accessInfo('renamed-user', fresh)).json).toMatchObject({ type: 'personal', name: appId })
    expect((await accessInfo('demo-user', fresh)).status).toBe(200)
    const unknown = { id: 'invalid-access-token', message: 'Cannot find access from token.' }
    expect(error(await accessInfo('renamed-user', token))).toEqual([403, unknown])
    expect(error(await accessInfo('demo-user', token))).toEqual([403, unknown])
    expect((await login('renamed-user')).json.token).toBe(fresh)
  })

  it('keeps the old name taken: check_username, registration, the server look-up, changing back', async () => {
    await renamed()
    expect((await call('GET', '/reg/demo-user/check_username')).json).toMatchObject({ reserved: true })
    expect((await call('GET', '/reg/renamed-user/check_username')).json).toMatchObject({ reserved: true })
    const registration = await call('POST', '/reg/users', {
      appId,
      username: 'demo-user',
      password: 'new-password-1',
      email: 'new-demo-user@example.com',
      hosting: 'demo-hosting',
    })
    expect(error(registration)).toEqual([
      409,
      expect.objectContaining({ id: 'item-already-exists', data: { username: 'demo-user' } }),
    ])
    expect((await call('POST', '/reg/demo-user/server', {})).status).toBe(200)
    expect(error(await changeTo('demo-user', token, 'renamed-user'))).toEqual([
      409,
      expect.objectContaining({
        id: 'item-already-exists',
        message: 'An user with username "demo-user" already exists',
      }),
    ])
  })

  it('resolves the e-mail to the new name, and signing in by e-mail still works', async () => {
    await renamed()
    const uid = await call('GET', '/reg/demo-user%40example.com/uid')
    expect(uid.json).toMatchObject({ uid: 'renamed-user' })
    const signIn = await login(String(uid.json.uid))
    expect(signIn.status).toBe(200)
  })

  it('takes a password reset on the old path with the new name', async () => {
    await renamed()
    const resetBody = { appId, username: 'renamed-user' }
    expect((await call('POST', '/demo-user/account/request-password-reset', resetBody)).status).toBe(200)
    const mails = await control<Array<{ username: string; resetToken: string }>>('GET', '/mails')
    expect(mails.map((mail) => mail.username)).toEqual(['renamed-user'])
    const reset = { ...resetBody, newPassword: 'renamed-password-1', resetToken: mails[0]?.resetToken }
    expect((await call('POST', '/demo-user/account/reset-password', reset)).status).toBe(200)
    expect((await login('renamed-user', 'renamed-password-1')).status).toBe(200)
  })

  it('is forgotten at reset: the old name is the account’s again, the new one is free', async () => {
    await renamed()
    await control('POST', '/reset')
    expect((await login('demo-user')).status).toBe(200)
    expect((await call('GET', '/reg/renamed-user/check_username')).json).toMatchObject({ reserved: false })
    expect((await call('POST', '/reg/renamed-user/server', {})).status).toBe(404)
  })
})
