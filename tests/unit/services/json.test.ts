import { describe, expect, it } from 'vitest'
import { asRecord, textOf } from '@/services/json'

describe('asRecord', () => {
  it("gives a JSON object's fields", () => {
    const value = { id: 'x', nested: { a: 1 } }
    expect(asRecord(value)).toBe(value)
    expect(asRecord({})).toEqual({})
  })

  it('is undefined for anything that is not an object of fields', () => {
    for (const value of [null, undefined, [], ['a'], 'text', 0, true])
      expect(asRecord(value), String(value)).toBeUndefined()
  })
})

describe('textOf', () => {
  it('gives a non-empty string, and undefined for anything else', () => {
    expect(textOf('a')).toBe('a')
    expect(textOf(' ')).toBe(' ')
    for (const value of ['', null, undefined, 1, {}, ['a']]) expect(textOf(value), String(value)).toBeUndefined()
  })
})
