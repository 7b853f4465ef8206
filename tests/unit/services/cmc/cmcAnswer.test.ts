import { afterEach, describe, expect, it, vi } from 'vitest'
import { ensureCmcStream, writeCmcAccept, writeCmcRefuse } from '@/services/cmc/cmcAnswer'
import { streamLevels } from '@/services/cmc/cmcAnswerStream'
import { fakeApiSession } from '../fakeApi'
import { appErrorOf } from '../jsonFetch'

afterEach(() => vi.unstubAllGlobals())

const created = { event: { id: 'trigger-1', content: {} } }

describe('streamLevels', () => {
  it('lists each level below :_cmc:apps, top first', () => {
    expect(streamLevels(':_cmc:apps:study:wave-1')).toEqual([
      { id: ':_cmc:apps:study', parentId: ':_cmc:apps', name: 'study' },
      { id: ':_cmc:apps:study:wave-1', parentId: ':_cmc:apps:study', name: 'wave-1' },
    ])
  })

  it.each([':_cmc:inbox', ':_cmc:apps', ':_cmc:apps:', ':_cmc:apps:a::b', 'diary'])('refuses %s', (id) => {
    expect(streamLevels(id)).toBeNull()
  })
})

describe('ensureCmcStream', () => {
  it('creates every level, an existing one being fine', async () => {
    const { session, calls } = fakeApiSession((call) =>
      call.params.id === ':_cmc:apps:study'
        ? { error: { id: 'item-already-exists', message: 'exists' } }
        : { stream: call.params },
    )
    await ensureCmcStream(session.connection, ':_cmc:apps:study:wave-1')
    expect(calls.map((call) => [call.method, call.params.id])).toEqual([
      ['streams.create', ':_cmc:apps:study'],
      ['streams.create', ':_cmc:apps:study:wave-1'],
    ])
  })

  it('stops at any other refusal', async () => {
    const { session } = fakeApiSession(() => ({ error: { id: 'forbidden', message: 'no' } }))
    expect((await appErrorOf(ensureCmcStream(session.connection, ':_cmc:apps:study'))).code).toBe('forbidden')
  })
})

describe('writeCmcAccept and writeCmcRefuse', () => {
  it('create the stream, then write the answer event in it', async () => {
    const { session, calls } = fakeApiSession((call) => (call.method === 'events.create' ? created : { stream: {} }))
    await writeCmcAccept(session.connection, ':_cmc:apps:study', { capabilityUrl: 'https://cap@r.example/s/' })
    await writeCmcRefuse(session.connection, ':_cmc:apps:study', 'https://cap@r.example/s/')
    expect(calls.filter((call) => call.method === 'events.create').map((call) => call.params)).toEqual([
      {
        streamIds: [':_cmc:apps:study'],
        type: 'consent/accept-cmc',
        content: { capabilityUrl: 'https://cap@r.example/s/' },
      },
      {
        streamIds: [':_cmc:apps:study'],
        type: 'consent/refuse-cmc',
        content: { capabilityUrl: 'https://cap@r.example/s/' },
      },
    ])
    expect(calls.map((call) => call.method)).toEqual([
      'streams.create',
      'events.create',
      'streams.create',
      'events.create',
    ])
  })
})
