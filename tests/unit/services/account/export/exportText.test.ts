// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { jsonList, jsonObject, pageFileName } from '@/services/account/export/exportJson'
import { readmeText } from '@/services/account/export/exportReadme'

describe('export JSON', () => {
  it('writes a list one item per line, still JSON', () => {
    const text = jsonList([{ a: 1 }, [2], 'three'])
    expect(text).toBe('[\n{"a":1},\n[2],\n"three"\n]\n')
    expect(JSON.parse(text)).toEqual([{ a: 1 }, [2], 'three'])
    expect(jsonList([])).toBe('[]\n')
  })

  it('writes an object indented', () => {
    expect(jsonObject({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}\n')
  })

  it('numbers the pages from 1, four digits', () => {
    expect(pageFileName('events', 0)).toBe('events/0001.json')
    expect(pageFileName('audit', 122)).toBe('audit/0123.json')
  })
})

describe('readmeText', () => {
  it('names the account, the platform and every file', () => {
    const text = readmeText({ username: 'alice', startedAt: '2026-01-01T00:00:00.000Z', platform: 'api.example.com' })
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Pryv.io data export of "alice"',
      'Platform: api.example.com',
      'Started: 2026-01-01T00:00:00.000Z',
    ])
    for (const name of [
      'account.json',
      'profile.json',
      'streams.json',
      'events/0001.json',
      'event-deletions.json',
      'attachments/',
      'accesses.json',
      'webhooks.json',
      'audit/0001.json',
      'MISSING.txt',
    ])
      expect(text).toContain(name)
  })
})
