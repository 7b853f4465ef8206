// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { plainParts } from '@/services/account/export/exportParts'
import { connection, json, stubPlatform } from './exportFixtures'

afterEach(() => vi.unstubAllGlobals())

const meta = { serverTime: 1 }

/** Answers each batch call with `answer(method, params)`; records the calls. */
function platform(answer: (method: string, params: Record<string, unknown>) => unknown) {
  const asked: { method: string; params: Record<string, unknown> }[] = []
  stubPlatform((_url, init) => {
    const calls = JSON.parse(String(init.body)) as { method: string; params: Record<string, unknown> }[]
    asked.push(...calls)
    return json(200, { results: calls.map(({ method, params }) => answer(method, params)), meta })
  })
  return asked
}

async function read(name: string): Promise<unknown> {
  const part = plainParts(connection).find(([file]) => file === name)
  if (!part) throw new Error(`no part ${name}`)
  return part[1]()
}

describe('plainParts', () => {
  it('names the files in the order of the ZIP', () => {
    expect(plainParts(connection).map(([name]) => name)).toEqual([
      'account.json',
      'profile.json',
      'streams.json',
      'accesses.json',
      'webhooks.json',
    ])
  })

  it('reads the account, and only its account', async () => {
    const asked = platform(() => ({ account: { username: 'alice' }, other: 1 }))
    expect(await read('account.json')).toEqual({ username: 'alice' })
    expect(asked).toEqual([{ method: 'account.get', params: {} }])
  })

  it('reads the private and the public profile, each by its id', async () => {
    const asked = platform((_method, params) => ({ profile: { which: params.id } }))
    expect(await read('profile.json')).toEqual({ private: { which: 'private' }, public: { which: 'public' } })
    expect(asked.map((call) => call.method)).toEqual(['profile.get', 'profile.get'])
  })

  it('reads streams in every state, leaving the platform’s own roots out', async () => {
    const asked = platform(() => ({
      streams: [{ id: 'diary' }, { id: ':_audit:' }, { id: 'x:y' }, { name: 'no id' }, 'odd'],
    }))
    expect(await read('streams.json')).toEqual([{ id: 'diary' }, { id: 'x:y' }, { name: 'no id' }, 'odd'])
    expect(asked).toEqual([{ method: 'streams.get', params: { state: 'all' } }])
  })

  it('writes no streams when the answer holds none', async () => {
    platform(() => ({ streams: 'none' }))
    expect(await read('streams.json')).toEqual([])
  })

  it('reads accesses expired and deleted too, keeping the whole answer', async () => {
    const asked = platform(() => ({ accesses: [{ id: 'a1' }], accessDeletions: [{ id: 'a2' }] }))
    expect(await read('accesses.json')).toEqual({ accesses: [{ id: 'a1' }], accessDeletions: [{ id: 'a2' }] })
    expect(asked).toEqual([{ method: 'accesses.get', params: { includeExpired: true, includeDeletions: true } }])
  })

  it('reads the webhooks', async () => {
    const asked = platform(() => ({ webhooks: [{ id: 'w1' }] }))
    expect(await read('webhooks.json')).toEqual([{ id: 'w1' }])
    expect(asked).toEqual([{ method: 'webhooks.get', params: {} }])
  })
})
