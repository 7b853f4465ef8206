import { describe, expect, it } from 'vitest'
import { recoveryCodesFile, recoveryCodesFileName, recoveryCodesOf } from '@/services/account/recoveryCodes'

describe('recoveryCodesOf', () => {
  it('takes a copy of a list of texts', () => {
    const codes = ['a-1', 'b-2']
    const body = { recoveryCodes: codes }
    const read = recoveryCodesOf(body)
    expect(read).toEqual(codes)
    expect(read).not.toBe(codes)
  })

  it('refuses anything else', () => {
    for (const body of [
      null,
      undefined,
      {},
      { recoveryCodes: 'a' },
      { recoveryCodes: [] },
      { recoveryCodes: ['a', ''] },
      { recoveryCodes: ['a', 3] },
    ])
      expect(recoveryCodesOf(body)).toBeNull()
  })
})

describe('recoveryCodesFile', () => {
  it('writes the intro, the account and one code a line', () => {
    expect(recoveryCodesFile(['a-1', 'b-2'], 'alice', 'pryv.example.com', 'Keep these.')).toBe(
      'Keep these.\n\nalice @ pryv.example.com\n\na-1\nb-2\n',
    )
  })

  it('names the file after the account, keeping only safe characters', () => {
    expect(recoveryCodesFileName('alice-2')).toBe('recovery-codes-alice-2.txt')
    expect(recoveryCodesFileName('a/../b')).toBe('recovery-codes-a____b.txt')
  })
})
