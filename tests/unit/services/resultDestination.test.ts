import { describe, expect, it } from 'vitest'
import { resultDestination } from '@/services/resultDestination'

describe('resultDestination', () => {
  it('names the host (with its port) of an https address, unflagged', () => {
    expect(resultDestination('https://app.example/back?x=1')).toEqual({
      kind: 'address',
      host: 'app.example',
      flag: null,
    })
    expect(resultDestination('https://app.example:8443')).toEqual({
      kind: 'address',
      host: 'app.example:8443',
      flag: null,
    })
  })

  it('flags a loopback address, whatever its scheme, as loopback', () => {
    for (const target of ['http://localhost:3000/x', 'https://127.0.0.1/', 'http://[::1]:8080', 'http://app.localhost'])
      expect(resultDestination(target), target).toMatchObject({ kind: 'address', flag: 'loopback' })
  })

  it('flags any other plain http address as not https', () => {
    expect(resultDestination('http://app.example/back')).toEqual({
      kind: 'address',
      host: 'app.example',
      flag: 'not-https',
    })
    expect(resultDestination('HTTP://10.0.0.5:81')).toMatchObject({ host: '10.0.0.5:81', flag: 'not-https' })
  })

  it('means the opener when there is no address, or the legacy "false"', () => {
    for (const target of [undefined, null, '', 'false']) expect(resultDestination(target)).toEqual({ kind: 'opener' })
  })

  it('is null for a value no result is sent to', () => {
    for (const target of ['javascript:alert(1)', '//app.example/', '/back', 'null', 'ftp://app.example/'])
      expect(resultDestination(target), target).toBeNull()
  })
})
