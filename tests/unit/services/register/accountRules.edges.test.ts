import { describe, expect, it } from 'vitest'
import {
  checkAccountForm,
  isValidUsername,
  normalizeUsername,
  passwordMaxLength,
  passwordMinLength,
} from '@/services/register/accountRules'

const good = { email: 'a@b.co', username: 'alice', password: 'secret-1', hosting: '' }

describe('usernames at their edges', () => {
  it('takes 5 to 60 characters', () => {
    expect(isValidUsername('abcde')).toBe(true)
    expect(isValidUsername('abcd')).toBe(false)
    expect(isValidUsername('a'.repeat(60))).toBe(true)
    expect(isValidUsername('a'.repeat(61))).toBe(false)
  })

  it('starts and ends with a letter or digit, with dashes only inside', () => {
    expect(isValidUsername('a-b-c')).toBe(true)
    expect(isValidUsername('1abc2')).toBe(true)
    expect(isValidUsername('-abcd')).toBe(false)
    expect(isValidUsername('abcd-')).toBe(false)
    expect(isValidUsername('ab_cd')).toBe(false)
    expect(isValidUsername('xalice.y')).toBe(false)
  })

  it('is checked trimmed and lowercased', () => {
    expect(normalizeUsername('  Alice ')).toBe('alice')
    expect(isValidUsername(' ALICE ')).toBe(true)
  })
})

describe('e-mails at their edges', () => {
  it('needs one @, a dot after it and no spaces', () => {
    for (const email of [
      'a@b',
      'ab.co',
      'a b@c.co',
      'a@b c.co',
      '@b.co',
      'a@.co',
      'a@b.',
      'x a@b.co y',
      'a@b.co y',
      'a@b.co@c',
    ])
      expect(checkAccountForm({ ...good, email }).email, email).toEqual({ rule: 'email-format' })
    expect(checkAccountForm({ ...good, email: ' a@b.co ' }).email).toBeUndefined()
  })

  it('takes up to 300 characters', () => {
    const at300 = `${'a'.repeat(294)}@b.com`
    expect(checkAccountForm({ ...good, email: at300 }).email).toBeUndefined()
    expect(checkAccountForm({ ...good, email: `a${at300}` }).email).toEqual({ rule: 'email-format' })
  })

  it('asks for an e-mail made of spaces only', () => {
    expect(checkAccountForm({ ...good, email: '   ' }).email).toEqual({ rule: 'required' })
    expect(checkAccountForm({ ...good, username: '  ' }).username).toEqual({ rule: 'required' })
  })
})

describe('passwords at their edges', () => {
  it("takes exactly the platform's lengths", () => {
    expect(checkAccountForm({ ...good, password: 'x'.repeat(passwordMinLength) })).toEqual({})
    expect(checkAccountForm({ ...good, password: 'x'.repeat(passwordMinLength - 1) }).password).toEqual({
      rule: 'password-length',
    })
    expect(checkAccountForm({ ...good, password: 'x'.repeat(passwordMaxLength) })).toEqual({})
    expect(checkAccountForm({ ...good, password: 'x'.repeat(passwordMaxLength + 1) }).password).toEqual({
      rule: 'password-length',
    })
  })

  it('lists only the fields with a problem', () => {
    expect(Object.keys(checkAccountForm({ ...good, username: 'x' }))).toEqual(['username'])
  })
})
