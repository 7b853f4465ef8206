import { describe, expect, it } from 'vitest'
import { checkAccountForm, isValidUsername, normalizeUsername } from '@/services/register/accountRules'

const valid = { email: 'alice@example.com', username: 'alice', password: 'secret-1', hosting: 'demo-hosting' }

describe('usernames', () => {
  it.each(['alice', 'a1-b2', 'x'.repeat(60), '12345'])('accepts %s', (name) => {
    expect(isValidUsername(name)).toBe(true)
  })

  it.each(['abcd', 'x'.repeat(61), '-alice', 'alice-', 'al_ice', 'al ice', 'élise'])('refuses %s', (name) => {
    expect(isValidUsername(name)).toBe(false)
  })

  it('is typed in any case and sent lowercase, trimmed', () => {
    expect(normalizeUsername('  Alice-1 ')).toBe('alice-1')
    expect(isValidUsername('Alice')).toBe(true)
  })
})

describe('checkAccountForm', () => {
  it('finds nothing wrong with a complete form', () => {
    expect(checkAccountForm(valid)).toEqual({})
  })

  it('names the rule each field breaks', () => {
    expect(checkAccountForm({ email: 'alice.example.com', username: 'al', password: 'abc', hosting: '' })).toEqual({
      email: { rule: 'email-format' },
      username: { rule: 'username-format' },
      password: { rule: 'password-length' },
    })
  })

  it('asks for missing fields, and for the password twice when the fields disagree', () => {
    expect(checkAccountForm({ ...valid, email: ' ', username: '', password: '' })).toEqual({
      email: { rule: 'required' },
      username: { rule: 'required' },
      password: { rule: 'password-twice' },
    })
  })

  it('mirrors the platform password length: 6 to 100 characters', () => {
    expect(checkAccountForm({ ...valid, password: 'x'.repeat(6) })).toEqual({})
    expect(checkAccountForm({ ...valid, password: 'x'.repeat(100) })).toEqual({})
    expect(checkAccountForm({ ...valid, password: 'x'.repeat(101) }).password).toEqual({ rule: 'password-length' })
  })
})
