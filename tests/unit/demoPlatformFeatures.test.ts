// @vitest-environment node
import pryv, { type Connection } from 'pryv'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startDemoPlatform, type RunningServer } from '../demo-platform/server.ts'

// Feature permissions in accesses.checkApp and accesses.create, as a real open-pryv.io 2.0 answers them.

type Json = Record<string, unknown>

const appId = 'test-features'
const diary = { streamId: 'diary', level: 'read', defaultName: 'Diary' }
const selfRevoke = { feature: 'selfRevoke', setting: 'forbidden' }

let platform: RunningServer
let connection: Connection

beforeAll(async () => {
  platform = await startDemoPlatform({ port: 0, authPageUrl: 'http://localhost:4173/access/access.html' })
})
afterAll(() => platform.close())
beforeEach(async () => {
  await fetch(`${platform.url}/_demo/reset`, { method: 'POST' })
  connection = await new pryv.Service(`${platform.url}/reg/service/info`).login('demo-user', 'demo-password-1', appId)
})

function callApi(method: string, params: object): Promise<Json> {
  const apiOne = connection.apiOne.bind(connection) as unknown as (method: string, params: object) => Promise<Json>
  return apiOne(method, params)
}

const checkApp = (requestedPermissions: Json[]) =>
  callApi('accesses.checkApp', { requestingAppId: appId, requestedPermissions })
const create = (permissions: Json[]) =>
  callApi('accesses.create', { name: appId, type: 'app', permissions }) as Promise<{ access: Json }>

describe('demo platform: feature permissions', () => {
  it("check-app refuses a feature entry as a stream permission without defaultName, in the platform's words", async () => {
    await expect(checkApp([diary, selfRevoke])).rejects.toMatchObject({
      innerObject: {
        id: 'invalid-parameters-format',
        message: "The parameters' format is invalid.",
        data: 'The permission for stream "undefined" (and maybe others) is missing the required "defaultName".',
      },
    })
  })

  it('create stores the feature entries, and check-app with the stream entries only finds that access mismatching', async () => {
    const { access } = await create([diary, selfRevoke])
    expect(access.permissions).toEqual([{ streamId: 'diary', level: 'read' }, selfRevoke])
    expect(await checkApp([diary])).toEqual({
      mismatchingAccess: expect.objectContaining({ id: access.id }),
      checkedPermissions: [{ streamId: 'diary', level: 'read', name: 'Diary' }],
    })
  })

  it('an empty stream list is checked: fresh, then mismatching an access holding only a feature', async () => {
    expect(await checkApp([])).toEqual({ checkedPermissions: [] })
    const { access } = await create([selfRevoke])
    expect(await checkApp([])).toEqual({
      mismatchingAccess: expect.objectContaining({ id: access.id }),
      checkedPermissions: [],
    })
  })

  it('matches as the platform does: by streamId and level, so an access without features matches its streams', async () => {
    const { access } = await create([diary])
    expect(await checkApp([diary])).toEqual({
      matchingAccess: expect.objectContaining({ id: access.id, permissions: [{ streamId: 'diary', level: 'read' }] }),
    })
  })
})
