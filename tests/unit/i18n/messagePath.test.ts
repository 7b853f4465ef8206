import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import { hasMessage, resolveMessagePath } from '@/i18n/messagePath'

const messages = { signIn: { title: 'Sign in', nested: { deep: 'Deep' } }, flat: 'Flat', empty: '' }

describe('resolveMessagePath', () => {
  it('follows each part of a dotted key into nested messages', () => {
    expect(resolveMessagePath(messages, 'signIn.title')).toBe('Sign in')
    expect(resolveMessagePath(messages, 'signIn.nested.deep')).toBe('Deep')
    expect(resolveMessagePath(messages, 'flat')).toBe('Flat')
    expect(resolveMessagePath(messages, 'empty')).toBe('')
  })

  it('gives a branch as it is', () => {
    expect(resolveMessagePath(messages, 'signIn.nested')).toEqual({ deep: 'Deep' })
  })

  it('is null when a part is missing, or the path goes through a message or nothing', () => {
    expect(resolveMessagePath(messages, 'signIn.subtitle')).toBeNull()
    expect(resolveMessagePath(messages, 'missing.title')).toBeNull()
    expect(resolveMessagePath(messages, 'flat.length')).toBeNull()
    expect(resolveMessagePath(null, 'flat')).toBeNull()
    expect(resolveMessagePath({ a: null }, 'a.b')).toBeNull()
  })

  it('reads only the messages own keys, never what every object inherits', () => {
    expect(resolveMessagePath(messages, 'toString')).toBeNull()
    expect(resolveMessagePath(messages, 'signIn.constructor')).toBeNull()
  })
})

describe('hasMessage', () => {
  it('is true for a message, plain or compiled, and false for a group or a missing key', () => {
    const compiled = { title: { type: 0, body: { type: 2, static: 'Sign in' } }, short: { t: 0, b: { s: 'Go' } } }
    expect(hasMessage({ plain: 'Text', empty: '' }, 'plain')).toBe(true)
    expect(hasMessage({ plain: 'Text', empty: '' }, 'empty')).toBe(true)
    expect(hasMessage({ fn: () => 'Text' }, 'fn')).toBe(true)
    expect(hasMessage(compiled, 'title')).toBe(true)
    expect(hasMessage(compiled, 'short')).toBe(true)
    expect(hasMessage({ group: { title: 'Text' } }, 'group')).toBe(false)
    expect(hasMessage({ group: { title: 'Text' } }, 'group.intro')).toBe(false)
  })
})

describe('the app messages', () => {
  it('answer te() for the current language, or the one asked, as vue-i18n does', () => {
    expect(i18n.global.te('signIn.title')).toBe(true)
    expect(i18n.global.te('signIn')).toBe(false)
    expect(i18n.global.te('signIn.noSuchMessage')).toBe(false)
    expect(i18n.global.te('signIn.title', 'de')).toBe(false)
  })
})
