import { describe, expect, it } from 'vitest'
import { AppError } from '@/services/appError'
import { platformWordsShown } from '@/services/platformWords'

describe('platformWordsShown', () => {
  it("offers the platform's words where ours only say the kind of failure", () => {
    const words = ['The request is refused.', '#/streamId: must be a string']
    for (const code of ['invalid-request', 'invalid-fields', 'forbidden', 'unsupported', 'server', 'unknown'] as const)
      expect(platformWordsShown(new AppError(code, words)), code).toEqual(words)
  })

  it('keeps them out where our words say it all, in the page’s language', () => {
    for (const code of [
      'invalid-credentials',
      'invalid-mfa-code',
      'password-refused',
      'network',
      'cmc-grant-not-found',
    ] as const)
      expect(platformWordsShown(new AppError(code, ['The given username/password pair is invalid.'])), code).toEqual([])
  })

  it('never shows words meant for the operator: a provider answer, an HTTP status, a stack, a socket error', () => {
    const lines = [
      'MFA SMS provider error: HTTP 400 Invalid code',
      'Upstream answered http 502',
      'Error stack follows',
      'connect ECONNREFUSED 10.0.0.1:443',
      'request ETIMEDOUT',
      'The stream "diary" is unknown.',
      'The address http://app.example is not trusted.',
    ]
    expect(platformWordsShown(new AppError('server', lines))).toEqual([
      'The stream "diary" is unknown.',
      'The address http://app.example is not trusted.',
    ])
  })
})
