// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadStreamNames, loadStreamNaming, withStreamNames } from '@/services/streamNames'
import { fakeApiSession } from './fakeApi'

afterEach(() => vi.unstubAllGlobals())

describe('loadStreamNames', () => {
  it("reads the person's names of every stream, trashed and nested ones too", async () => {
    const { session, calls } = fakeApiSession(() => ({
      streams: [
        { id: 'health', name: 'Health', children: [{ id: 'bp', name: 'Blood pressure', children: [] }] },
        { id: 'old', name: 'Old notes', trashed: true },
        { id: 'nameless' },
        'junk',
      ],
    }))
    const names = await loadStreamNames(session.connection)
    expect(calls).toEqual([{ method: 'streams.get', params: { state: 'all' } }])
    expect([...names]).toEqual([
      ['health', 'Health'],
      ['bp', 'Blood pressure'],
      ['old', 'Old notes'],
    ])
  })
})

describe('withStreamNames', () => {
  it("names a stream by the person's name first, then by the request's, the id last", () => {
    const names = new Map([['diary', 'Mon journal']])
    expect(
      withStreamNames(
        [
          { streamId: 'diary', level: 'read', defaultName: 'Diary' },
          { streamId: 'sleep', level: 'read', defaultName: 'Sleep' },
          { streamId: 'steps', level: 'read' },
          { feature: 'selfRevoke', setting: 'forbidden' },
        ],
        names,
      ),
    ).toEqual([
      { streamId: 'diary', level: 'read', defaultName: 'Diary', name: 'Mon journal' },
      { streamId: 'sleep', level: 'read', defaultName: 'Sleep' },
      { streamId: 'steps', level: 'read' },
      { feature: 'selfRevoke', setting: 'forbidden' },
    ])
  })
})

describe('loadStreamNaming', () => {
  it("reads the person's names once, then names each permission by them", async () => {
    const { session, calls } = fakeApiSession(() => ({ streams: [{ id: 'diary', name: 'Diary' }] }))
    const naming = await loadStreamNaming(session.connection)
    expect(calls).toEqual([{ method: 'streams.get', params: { state: 'all' } }])
    const diary = { streamId: 'diary', level: 'read', defaultName: 'Journal' }
    const sleep = { streamId: 'sleep', level: 'read', defaultName: 'Nights' }
    expect([naming(diary), naming(sleep)]).toEqual([{ ...diary, name: 'Diary' }, sleep])
    expect(calls).toHaveLength(1)
  })
})
