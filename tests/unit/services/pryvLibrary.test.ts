// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { loadPryv } from '@/services/pryvLibrary'

describe('loadPryv', () => {
  it('gives the pryv library, fetched once', async () => {
    const first = loadPryv()
    expect(loadPryv()).toBe(first)
    expect(typeof (await first).Service).toBe('function')
  })
})
