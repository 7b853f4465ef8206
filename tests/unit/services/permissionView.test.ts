import { describe, expect, it } from 'vitest'
import { consentDescription, describePermission } from '@/services/permissionView'

describe('describePermission', () => {
  it('names a stream by name, then defaultName, then streamId', () => {
    expect(describePermission({ streamId: 'diary', level: 'read', name: 'My diary', defaultName: 'Diary' })).toEqual({
      kind: 'stream',
      allData: false,
      name: 'My diary',
      level: 'read',
      rawLevel: 'read',
    })
    expect(describePermission({ streamId: 'diary', level: 'manage', name: ' ', defaultName: 'Diary' })).toMatchObject({
      name: 'Diary',
      level: 'manage',
    })
    expect(describePermission({ streamId: 'diary', level: 'contribute' })).toMatchObject({
      name: 'diary',
      level: 'contribute',
    })
  })

  it('marks "*" as all data', () => {
    expect(describePermission({ streamId: '*', level: 'create-only' })).toEqual({
      kind: 'stream',
      allData: true,
      name: '*',
      level: 'create-only',
      rawLevel: 'create-only',
    })
  })

  it('keeps an unknown level as other with its raw value', () => {
    expect(describePermission({ streamId: 'diary', level: 'admin' })).toMatchObject({
      kind: 'stream',
      level: 'other',
      rawLevel: 'admin',
    })
  })

  it('reads feature permissions', () => {
    expect(describePermission({ feature: 'selfRevoke', setting: 'forbidden' })).toEqual({
      kind: 'feature',
      feature: 'selfRevoke',
      setting: 'forbidden',
    })
  })

  it('shows any other shape as JSON text', () => {
    expect(describePermission({ value: 'read-all' })).toEqual({ kind: 'other', text: '{"value":"read-all"}' })
    expect(describePermission({ streamId: 'diary' })).toEqual({ kind: 'other', text: '{"streamId":"diary"}' })
    expect(describePermission({ feature: 'selfRevoke' })).toEqual({ kind: 'other', text: '{"feature":"selfRevoke"}' })
  })

  it('shows at most 300 characters of it, and a question mark for what JSON cannot write', () => {
    const long = describePermission({ value: 'x'.repeat(400) })
    expect(long.kind === 'other' && long.text).toBe(JSON.stringify({ value: 'x'.repeat(400) }).slice(0, 300))
    expect(describePermission({ value: 1n })).toEqual({ kind: 'other', text: '?' })
  })
})

describe('consentDescription', () => {
  it('reads the description as text or as a note', () => {
    expect(consentDescription({ 'app-web-auth:description': 'Hello *you*' })).toBe('Hello *you*')
    expect(consentDescription({ 'app-web-auth:description': { type: 'note/txt', content: 'A note' } })).toBe('A note')
  })

  it('is undefined when missing or empty', () => {
    expect(consentDescription(undefined)).toBeUndefined()
    expect(consentDescription({})).toBeUndefined()
    expect(consentDescription({ 'app-web-auth:description': '  ' })).toBeUndefined()
    expect(consentDescription({ 'app-web-auth:description': { type: 'note/txt' } })).toBeUndefined()
    expect(consentDescription({ 'app-web-auth:description': 5 })).toBeUndefined()
    expect(consentDescription({ 'app-web-auth:description': null })).toBeUndefined()
  })
})
