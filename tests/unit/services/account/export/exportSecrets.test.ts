// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { eventWithoutSecrets, withoutSecrets, withoutToken } from '@/services/account/export/exportSecrets'

describe('withoutSecrets', () => {
  it('drops tokens, hashes, read tokens and recovery codes at any depth, and the MFA content', () => {
    expect(
      withoutSecrets({
        accesses: [{ id: 'a', token: 't', apiEndpoint: 'https://t@x/', name: 'app' }],
        accessDeletions: [{ id: 'd', token: 't2' }],
        emails: [{ value: 'a@b.c', verificationTokenHash: 'h', resetTokenHash: 'r' }],
        private: { mfa: { content: { phone: '+41' }, recoveryCodes: ['c'], since: 1 }, nickname: 'N' },
        other: { readToken: 'r', mfaToken: 'm', passwordHash: 'p', kept: [1, 'two', null] },
      }),
    ).toEqual({
      accesses: [{ id: 'a', name: 'app' }],
      accessDeletions: [{ id: 'd' }],
      emails: [{ value: 'a@b.c' }],
      private: { mfa: { since: 1 }, nickname: 'N' },
      other: { kept: [1, 'two', null] },
    })
  })

  it('keeps values that are not objects, and an mfa that is not one', () => {
    expect(withoutSecrets('text')).toBe('text')
    expect(withoutSecrets(null)).toBe(null)
    expect(withoutSecrets({ mfa: 'on', list: [{ token: 'x' }] })).toEqual({ mfa: 'on', list: [{}] })
  })
})

describe('eventWithoutSecrets', () => {
  it('drops only the attachments read tokens: the content is the person own', () => {
    const event = { id: 'e', content: { token: 'mine' }, attachments: [{ id: 'f', readToken: 'r', size: 1 }, 'odd'] }
    expect(eventWithoutSecrets(event)).toEqual({
      id: 'e',
      content: { token: 'mine' },
      attachments: [{ id: 'f', size: 1 }, 'odd'],
    })
    expect(event.attachments[0]).toHaveProperty('readToken', 'r')
  })

  it('returns an event without attachments as it is', () => {
    const event = { id: 'e' }
    expect(eventWithoutSecrets(event)).toBe(event)
  })
})

describe('withoutToken', () => {
  it('replaces every copy of the session token', () => {
    expect(withoutToken('a tok b tok', 'tok')).toBe('a [removed] b [removed]')
  })

  it('leaves the text alone with no token', () => {
    expect(withoutToken('a b', '')).toBe('a b')
  })
})
